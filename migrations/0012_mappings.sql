-- Mappings: the practice's assessment of a case, its participants, its entries in the three
-- columns (with every earlier version of each entry), and everyone's 0-10 scores.
CREATE TABLE mappings (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    held_on TEXT NOT NULL,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'shared', 'agreed')),
    variant TEXT NOT NULL,
    -- Blind scaling: each number stays hidden until everyone taking part has given theirs.
    blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
    -- A review mapping starts from the one before it.
    previous_id BIGINT REFERENCES mappings (id),
    -- Agreeing a mapping finalises it: who and when, and no changes after.
    agreed_by BIGINT REFERENCES users (id),
    agreed_at TEXT,
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mappings_by_case ON mappings (case_id, held_on);

CREATE TABLE mapping_children (
    mapping_id BIGINT NOT NULL REFERENCES mappings (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    PRIMARY KEY (mapping_id, child_id)
);

CREATE TABLE mapping_participants (
    id @id@,
    mapping_id BIGINT NOT NULL REFERENCES mappings (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    took_part TEXT NOT NULL,
    disagrees INTEGER NOT NULL DEFAULT 0 CHECK (disagrees IN (0, 1))
);
CREATE INDEX mapping_participants_by_mapping ON mapping_participants (mapping_id);

-- said_by is a participant, or NULL for the agency. answers links a safety goal to the
-- danger statement it answers.
CREATE TABLE mapping_entries (
    id @id@,
    mapping_id BIGINT NOT NULL REFERENCES mappings (id),
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    said_by BIGINT REFERENCES mapping_participants (id),
    answers BIGINT REFERENCES mapping_entries (id),
    -- In a review: the entry it was carried forward from, and whether it is still true,
    -- changed, or no longer a concern.
    carried_from BIGINT REFERENCES mapping_entries (id),
    review_mark TEXT NOT NULL DEFAULT '' CHECK (review_mark IN ('', 'still-true', 'changed', 'resolved')),
    position INTEGER NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mapping_entries_by_mapping ON mapping_entries (mapping_id, category, position);

-- Each entry as it was before a change, newest last.
CREATE TABLE mapping_entry_history (
    id @id@,
    entry_id BIGINT NOT NULL REFERENCES mapping_entries (id),
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    said_by BIGINT,
    position INTEGER NOT NULL,
    changed_by BIGINT REFERENCES users (id),
    changed_at TEXT NOT NULL
);
CREATE INDEX mapping_entry_history_by_entry ON mapping_entry_history (entry_id, id);

-- The question and its anchors as worded when the score was given, so history stays true.
CREATE TABLE mapping_scores (
    id @id@,
    mapping_id BIGINT NOT NULL REFERENCES mappings (id),
    participant_id BIGINT NOT NULL REFERENCES mapping_participants (id),
    statement_id BIGINT REFERENCES mapping_entries (id),
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    why_not_lower TEXT NOT NULL DEFAULT '',
    one_point_higher TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    anchor_zero TEXT NOT NULL,
    anchor_ten TEXT NOT NULL,
    direction TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX mapping_scores_by_mapping ON mapping_scores (mapping_id, participant_id);

-- Alerts raised on a case when a score falls in an escalation band, for its manager.
CREATE TABLE case_alerts (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    mapping_id BIGINT REFERENCES mappings (id),
    reason TEXT NOT NULL,
    raised_by BIGINT REFERENCES users (id),
    raised_at TEXT NOT NULL
);
CREATE INDEX case_alerts_by_case ON case_alerts (case_id, raised_at);
