-- The people around each child. A person (a parent, a grandmother) can be linked to several
-- children, each link with its own relationship and answers.
CREATE TABLE people (
    id @id@,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id)
);

CREATE TABLE child_people (
    child_id BIGINT NOT NULL REFERENCES children (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    relationship TEXT NOT NULL,
    parental_responsibility INTEGER NOT NULL CHECK (parental_responsibility IN (0, 1)),
    lives_with_child INTEGER NOT NULL CHECK (lives_with_child IN (0, 1)),
    safety_network INTEGER NOT NULL CHECK (safety_network IN (0, 1)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (child_id, person_id)
);
CREATE INDEX child_people_by_person ON child_people (person_id);

CREATE TABLE professionals (
    id @id@,
    child_id BIGINT NOT NULL REFERENCES children (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    agency TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX professionals_by_child ON professionals (child_id);
