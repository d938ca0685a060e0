-- Forms that arrived after their session had ended, kept until the person signs in again
-- (at most half an hour), so nothing typed is lost to a time-out. Only a hash of the
-- token that resumes them is stored.
CREATE TABLE pending_forms (
    id @id@,
    token_hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX pending_forms_by_age ON pending_forms (created_at);
