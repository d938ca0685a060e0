-- Visits to children, and how often the council wants each level's children seen (only the
-- levels the council has changed; signs has a default for each).
CREATE TABLE visit_frequencies (
    level TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 365),
    unit TEXT NOT NULL CHECK (unit IN ('working-days', 'weeks', 'months')),
    changed_by BIGINT REFERENCES users (id),
    changed_at TEXT NOT NULL
);
CREATE TABLE visits (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    visited_on TEXT NOT NULL,
    seen_alone INTEGER NOT NULL DEFAULT 0 CHECK (seen_alone IN (0, 1)),
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX visits_by_case ON visits (case_id, visited_on);
