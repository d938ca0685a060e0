-- The council's own words for the plain-language checker, added by system administrators on
-- top of data/plain-language.csv. A local term with the same words as one in the file takes
-- its place, so a council can change a suggestion it disagrees with.
CREATE TABLE local_terms (
    id @id@,
    phrase TEXT NOT NULL CHECK (phrase <> ''),
    suggestion TEXT NOT NULL CHECK (suggestion <> ''),
    reason TEXT NOT NULL CHECK (reason <> ''),
    exact_case INTEGER NOT NULL DEFAULT 0 CHECK (exact_case IN (0, 1)),
    meaning TEXT NOT NULL DEFAULT '',
    added_by BIGINT REFERENCES users (id),
    added_at TEXT NOT NULL
);
CREATE UNIQUE INDEX local_terms_by_phrase ON local_terms (LOWER(phrase));
