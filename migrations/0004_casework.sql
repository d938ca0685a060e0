-- Children, the cases that hold them, each child's service level over time, and the
-- chronology of what happened to them.
CREATE TABLE children (
    id @id@,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    preferred_name TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    expected_date TEXT,
    gender TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    disabilities TEXT NOT NULL DEFAULT '',
    first_language TEXT NOT NULL DEFAULT '',
    interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
    nhs_number TEXT,
    upn TEXT,
    school TEXT NOT NULL DEFAULT '',
    what_matters TEXT NOT NULL DEFAULT '',
    restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (date_of_birth IS NOT NULL OR expected_date IS NOT NULL)
);
CREATE INDEX children_by_birth ON children (date_of_birth);
CREATE INDEX children_by_nhs_number ON children (nhs_number);
CREATE INDEX children_by_upn ON children (upn);

-- Search keys for names: each word, and each word with one letter left out, so a search
-- tolerates a missing, extra, changed or swapped letter through an index.
CREATE TABLE child_name_keys (
    name_key TEXT @bytewise@ NOT NULL,
    child_id BIGINT NOT NULL REFERENCES children (id),
    PRIMARY KEY (name_key, child_id)
);

CREATE TABLE cases (
    id @id@,
    family_name TEXT NOT NULL,
    team_id BIGINT REFERENCES teams (id),
    worker_id BIGINT REFERENCES users (id),
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    close_reason TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_by_worker ON cases (worker_id);
CREATE INDEX cases_by_team ON cases (team_id);

CREATE TABLE case_children (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    PRIMARY KEY (case_id, child_id)
);
CREATE INDEX case_children_by_child ON case_children (child_id);

-- One row per period at a level; the current period has no to_date.
CREATE TABLE level_periods (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    level TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT,
    reason TEXT NOT NULL,
    category TEXT,
    legal_status TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX level_periods_by_child ON level_periods (case_id, child_id, from_date);

CREATE TABLE chronology_events (
    id @id@,
    child_id BIGINT NOT NULL REFERENCES children (id),
    occurred_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('record', 'manual')),
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX chronology_by_child ON chronology_events (child_id, occurred_on, id);

-- Time-limited access to a case outside the user's own work, with the reason they gave.
CREATE TABLE break_glass_grants (
    id @id@,
    user_id BIGINT NOT NULL REFERENCES users (id),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    reason TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_by_user ON break_glass_grants (user_id, case_id, expires_at);
CREATE INDEX break_glass_by_case ON break_glass_grants (case_id, granted_at);
