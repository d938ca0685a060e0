-- Meetings about a case's children: when and where (London wall-clock minutes after
-- midnight), who chairs, who was invited and who came, and what was decided. uid and sequence
-- are the meeting's identity and revision in people's calendars (iCalendar).
CREATE TABLE meetings (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    type TEXT NOT NULL,
    held_on TEXT NOT NULL,
    start_minutes INTEGER NOT NULL CHECK (start_minutes BETWEEN 0 AND 1439),
    end_minutes INTEGER NOT NULL CHECK (end_minutes BETWEEN 1 AND 1439),
    venue TEXT NOT NULL,
    remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    chair TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'arranged' CHECK (status IN ('arranged', 'held', 'cancelled')),
    cancel_reason TEXT NOT NULL DEFAULT '',
    uid TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL DEFAULT 0,
    -- The record: the mapping made at the meeting (new entries and everyone's numbers), the
    -- decision, for a conference whether a plan is needed and its category, the plan version
    -- agreed, and the date of the next meeting.
    mapping_id BIGINT REFERENCES mappings (id),
    decision TEXT NOT NULL DEFAULT '',
    plan_needed TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    plan_version INTEGER,
    next_on TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (end_minutes > start_minutes)
);
CREATE INDEX meetings_by_case ON meetings (case_id, held_on);

CREATE TABLE meeting_children (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    PRIMARY KEY (meeting_id, child_id)
);

-- Dissent is recorded by name: what this person does not agree with.
CREATE TABLE meeting_invitees (
    id @id@,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    attendance TEXT NOT NULL DEFAULT 'invited'
        CHECK (attendance IN ('invited', 'attended', 'apologies', 'absent')),
    reason TEXT NOT NULL DEFAULT '',
    dissent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_invitees_by_meeting ON meeting_invitees (meeting_id);
