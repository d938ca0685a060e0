-- Which version of a family document was given to whom, and when. The words given are kept
-- as they were, so anyone can later see exactly what a family was handed, even after the
-- plan has changed. A story is for one child, named here; Our plan is for the whole case.
CREATE TABLE family_documents_given (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    child_id BIGINT REFERENCES children (id),
    kind TEXT NOT NULL CHECK (kind IN ('our-plan', 'words-and-pictures')),
    title TEXT NOT NULL,
    based_on TEXT NOT NULL,
    content TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    given_to TEXT NOT NULL CHECK (given_to <> ''),
    given_on TEXT NOT NULL,
    how TEXT NOT NULL CHECK (how IN ('in-person', 'at-meeting', 'post', 'email')),
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX family_documents_given_by_case ON family_documents_given (case_id, given_on);
