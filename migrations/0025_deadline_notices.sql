-- The reminders and overdue alerts already sent, one per deadline and kind. A deadline that
-- moves (a visit, a meeting) has a new due date and so may be told about again; a node that
-- finds its row already here leaves the telling to whoever wrote it.
CREATE TABLE deadline_notices (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    rule TEXT NOT NULL,
    due_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'overdue')),
    sent_at TEXT NOT NULL,
    PRIMARY KEY (case_id, rule, due_on, kind)
);
