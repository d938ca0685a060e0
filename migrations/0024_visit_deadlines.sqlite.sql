-- A visit or a change of visit frequency moves the deadline stamp of the cases it touches
-- (migration 0020), so the due lists count the next visit from it.
CREATE TRIGGER visits_deadlines_insert AFTER INSERT ON visits BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER visit_frequencies_deadlines_insert AFTER INSERT ON visit_frequencies BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE closed_on IS NULL; END;
CREATE TRIGGER visit_frequencies_deadlines_update AFTER UPDATE ON visit_frequencies BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE closed_on IS NULL; END;
