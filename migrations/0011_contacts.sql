-- Contacts and referrals from the front door: who got in touch, their own answers to the
-- practice's questions, and the decision on what happens next.
CREATE TABLE contacts (
    id @id@,
    child_id BIGINT NOT NULL REFERENCES children (id),
    team_id BIGINT REFERENCES teams (id),
    received_at TEXT NOT NULL,
    received_on TEXT NOT NULL,
    channel TEXT NOT NULL,
    referrer_name TEXT NOT NULL,
    referrer_role TEXT NOT NULL,
    referrer_agency TEXT NOT NULL DEFAULT '',
    referrer_contact TEXT NOT NULL DEFAULT '',
    worried TEXT NOT NULL,
    working_well TEXT NOT NULL DEFAULT '',
    needs_to_happen TEXT NOT NULL DEFAULT '',
    scale INTEGER CHECK (scale BETWEEN 0 AND 10),
    scale_question TEXT NOT NULL,
    decision_due TEXT NOT NULL,
    decision TEXT,
    decision_reason TEXT NOT NULL DEFAULT '',
    decided_by BIGINT REFERENCES users (id),
    decided_at TEXT,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_by_child ON contacts (child_id, received_at);
CREATE INDEX contacts_awaiting_by_team ON contacts (team_id, decision, decision_due);
