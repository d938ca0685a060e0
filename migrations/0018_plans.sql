-- Plans: one per case, built from a mapping's "what needs to happen". Each version keeps its
-- own goals and actions. Refs number goals and actions within the plan and stay the same from
-- version to version, so an action's progress and its changes can be followed across them.
CREATE TABLE plans (
    id @id@,
    case_id BIGINT NOT NULL UNIQUE REFERENCES cases (id),
    mapping_id BIGINT REFERENCES mappings (id),
    started_on TEXT NOT NULL,
    -- The newest version, and the newest agreed one: the plan in force (NULL before any).
    latest_version INTEGER NOT NULL DEFAULT 1,
    in_force INTEGER,
    next_goal_ref INTEGER NOT NULL DEFAULT 1,
    next_action_ref INTEGER NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL
);

-- A version is a draft until agreed; after that it never changes. meeting_id will name the
-- meeting that agreed it once meetings are recorded; until then agreed_where says it in words.
CREATE TABLE plan_versions (
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    number INTEGER NOT NULL,
    variant TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed')),
    agreed_on TEXT,
    agreed_where TEXT NOT NULL DEFAULT '',
    meeting_id BIGINT,
    agreed_by BIGINT REFERENCES users (id),
    agreed_at TEXT,
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, number)
);

CREATE TABLE plan_goals (
    plan_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    ref INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (plan_id, version, ref),
    FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, number)
);

-- goal_ref is 0 while the action is under no goal yet (a next step from the mapping). Who,
-- by when and how everyone will know may be empty in a draft; agreeing needs them.
CREATE TABLE plan_actions (
    plan_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    ref INTEGER NOT NULL,
    goal_ref INTEGER NOT NULL DEFAULT 0,
    what TEXT NOT NULL,
    owner_kind TEXT NOT NULL DEFAULT '',
    owner_name TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '',
    how_known TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, version, ref),
    FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, number)
);

-- Progress on an action, dated, with who recorded it; and each action's latest state, kept
-- beside the history so that the case lists can count overdue actions cheaply.
CREATE TABLE plan_updates (
    id @id@,
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    action_ref INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not-started', 'on-track', 'done', 'not-happening')),
    note TEXT NOT NULL,
    on_date TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX plan_updates_by_action ON plan_updates (plan_id, action_ref, on_date);

CREATE TABLE plan_action_states (
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    action_ref INTEGER NOT NULL,
    status TEXT NOT NULL,
    on_date TEXT NOT NULL,
    PRIMARY KEY (plan_id, action_ref)
);
