-- Visits to children, and how often the council wants each level's children seen. A visit
-- or a change of frequency moves the deadline stamp of the cases it touches (migration 0020),
-- so the due lists count the next visit from it.
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
CREATE TRIGGER visits_deadlines_insert AFTER INSERT ON visits BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER visit_frequencies_deadlines_insert AFTER INSERT ON visit_frequencies BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE closed_on IS NULL; END;
CREATE TRIGGER visit_frequencies_deadlines_update AFTER UPDATE ON visit_frequencies BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE closed_on IS NULL; END;
