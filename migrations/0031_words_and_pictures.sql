-- "Words and pictures" stories for children. A story is never changed in place: each change
-- is the next version for that child in that case, so a copy given can always be read again.
CREATE TABLE stories (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL CHECK (title <> ''),
    written_with TEXT NOT NULL CHECK (written_with <> ''),
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (case_id, child_id, version)
);

CREATE TABLE story_parts (
    story_id BIGINT NOT NULL REFERENCES stories (id),
    part TEXT NOT NULL,
    words TEXT NOT NULL,
    picture TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, part)
);
