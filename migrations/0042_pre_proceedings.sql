-- Pre-proceedings under the Public Law Outline, recorded on the case as it happens: the day
-- the council decided to begin (a legal planning meeting or similar), the letter before
-- proceedings, the family group decision-making meeting offered in it (or the child's
-- best-interests reason it was not) and the family's answer, then the decision to step up to
-- care proceedings or down, with its outcome, the court application and the letter telling
-- the parents proceedings have begun. The meetings themselves (pre-proceedings meetings and
-- the family group decision-making meeting) are meetings like any other. A case has one
-- pre-proceedings going on at a time; the census sends each child's as PreProceedingsandFGDM.
CREATE TABLE pre_proceedings (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    started_on TEXT NOT NULL,
    letter_sent_on TEXT,
    family_meeting_offered TEXT NOT NULL DEFAULT ''
        CHECK (family_meeting_offered IN ('', 'yes', 'no')),
    not_offered_reason TEXT NOT NULL DEFAULT '',
    family_meeting_accepted TEXT NOT NULL DEFAULT ''
        CHECK (family_meeting_accepted IN ('', 'yes', 'no')),
    decided_on TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    court_application_on TEXT,
    letter_initiating_on TEXT,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (letter_sent_on IS NULL OR letter_sent_on >= started_on),
    CHECK (decided_on IS NULL OR decided_on >= started_on),
    CHECK ((decided_on IS NULL) = (outcome = '')),
    CHECK (court_application_on IS NULL OR court_application_on >= decided_on),
    CHECK (letter_initiating_on IS NULL OR letter_initiating_on >= court_application_on)
);
CREATE UNIQUE INDEX pre_proceedings_one_open ON pre_proceedings (case_id) WHERE decided_on IS NULL;
CREATE INDEX pre_proceedings_by_start ON pre_proceedings (started_on);

-- The children the letter before proceedings concerns: often all of the case's, not always.
CREATE TABLE pre_proceedings_children (
    pre_proceedings_id BIGINT NOT NULL REFERENCES pre_proceedings (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    PRIMARY KEY (pre_proceedings_id, child_id)
);
CREATE INDEX pre_proceedings_children_by_child ON pre_proceedings_children (child_id);
