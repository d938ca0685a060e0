-- Each open case's outstanding statutory deadlines, kept ready for the due lists. Anything
-- that can change them (meetings, a mapping agreed, a level, a contact's decision, a child
-- joining, the council's closure days) moves the case's deadline_stamp on in the database;
-- deadlines_for is the stamp the kept rows were worked out at, so a case whose two differ is
-- worked out again before a list is drawn, and no code path can forget to. deadlines_on is
-- the day they were worked out: an arranged meeting whose day has come since counts as held.
ALTER TABLE cases ADD COLUMN deadline_stamp BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN deadlines_for BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN deadlines_on TEXT NOT NULL DEFAULT '';
CREATE INDEX meetings_arranged ON meetings (status, held_on);
CREATE INDEX cases_deadlines_stale ON cases (id) WHERE deadline_stamp <> deadlines_for;
CREATE TABLE case_deadlines (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    rule TEXT NOT NULL,
    from_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    booked_on TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, rule)
);
CREATE INDEX case_deadlines_by_due ON case_deadlines (due_on, case_id);

CREATE FUNCTION deadline_stamp_by_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE id = NEW.case_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER meetings_deadlines AFTER INSERT OR UPDATE ON meetings
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_case();
CREATE TRIGGER mappings_deadlines AFTER UPDATE OF status ON mappings
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_case();
CREATE TRIGGER level_periods_deadlines AFTER INSERT OR UPDATE ON level_periods
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_case();
CREATE TRIGGER case_children_deadlines AFTER INSERT ON case_children
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_case();

CREATE FUNCTION deadline_stamp_by_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET deadline_stamp = deadline_stamp + 1
    WHERE id IN (SELECT case_id FROM case_children WHERE child_id = NEW.child_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER contacts_deadlines AFTER UPDATE OF decision ON contacts
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_child();

CREATE FUNCTION deadline_stamp_everywhere() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET deadline_stamp = deadline_stamp + 1 WHERE closed_on IS NULL;
    RETURN NULL;
END;
$$;
CREATE TRIGGER closure_days_deadlines AFTER INSERT OR DELETE ON closure_days
FOR EACH STATEMENT EXECUTE FUNCTION deadline_stamp_everywhere();
