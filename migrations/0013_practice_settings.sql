-- A council's own words for each practice variant, and the score bands that raise an alert
-- to the case's manager. Wording not set here is the built-in wording.
CREATE TABLE wording_overrides (
    variant TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    changed_by BIGINT REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (variant, field)
);

CREATE TABLE escalation_bands (
    id @id@,
    purpose TEXT NOT NULL,
    low INTEGER NOT NULL CHECK (low BETWEEN 0 AND 10),
    high INTEGER NOT NULL CHECK (high BETWEEN low AND 10),
    why TEXT NOT NULL,
    changed_by BIGINT REFERENCES users (id),
    changed_at TEXT NOT NULL
);
-- The bands in force until a council sets its own.
INSERT INTO escalation_bands (purpose, low, high, why, changed_at) VALUES
    ('any', 0, 0, 'A score of 0: someone believes the child will certainly be hurt', '2026-11-26T00:00:00Z'),
    ('meeting', 0, 1, 'A score of 0 or 1 at a meeting: the child may be at risk of serious harm now', '2026-11-26T00:00:00Z');
