-- A visit or a change of visit frequency moves the deadline stamp of the cases it touches
-- (migration 0020), so the due lists count the next visit from it.
CREATE TRIGGER visits_deadlines AFTER INSERT ON visits
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_case();
CREATE TRIGGER visit_frequencies_deadlines AFTER INSERT OR UPDATE ON visit_frequencies
FOR EACH STATEMENT EXECUTE FUNCTION deadline_stamp_everywhere();
