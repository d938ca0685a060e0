-- A section 47 enquiry (started by a strategy discussion) that ended without an initial
-- child protection conference: the day that was decided, and by whom. The census sends it
-- as ICPCnotRequired.
CREATE TABLE enquiry_outcomes (
    meeting_id BIGINT PRIMARY KEY REFERENCES meetings (id),
    no_conference_on TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
