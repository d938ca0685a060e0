-- One number for everything the Children in Need census reads: children, episodes and
-- assessments, levels, the meetings it counts, agreed plans, pre-proceedings, which case a
-- child is in, the names and teams of the staff it shows, and who is named on a restricted
-- child (data quality hides restricted children from everyone else). Data quality keeps the
-- checked census for a year until the number moves (service/returns_service.cpp).
CREATE TABLE census_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO census_stamp (id, stamp) VALUES (1, 0);
-- The number moves once per transaction, when it commits: deferred to the end, the one row
-- is taken after every other lock the writer holds, so two writers never wait on each other
-- for it in opposite orders; and a transaction writing many rows moves it only once.
CREATE FUNCTION census_stamp_moves() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('signs.census_moved', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('signs.census_moved', 'yes', true);
        UPDATE census_stamp SET stamp = stamp + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER children_census AFTER INSERT OR UPDATE OR DELETE ON children
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER cin_episodes_census AFTER INSERT OR UPDATE OR DELETE ON cin_episodes
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER cin_assessments_census AFTER INSERT OR UPDATE OR DELETE ON cin_assessments
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER level_periods_census AFTER INSERT OR UPDATE OR DELETE ON level_periods
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER meetings_census AFTER INSERT OR UPDATE OR DELETE ON meetings
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER meeting_children_census AFTER INSERT OR UPDATE OR DELETE ON meeting_children
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER enquiry_outcomes_census AFTER INSERT OR UPDATE OR DELETE ON enquiry_outcomes
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER plan_versions_census AFTER INSERT OR UPDATE OR DELETE ON plan_versions
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER case_children_census AFTER INSERT OR UPDATE OR DELETE ON case_children
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER pre_proceedings_census AFTER INSERT OR UPDATE OR DELETE ON pre_proceedings
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER pre_proceedings_children_census AFTER INSERT OR UPDATE OR DELETE ON pre_proceedings_children
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER cases_census AFTER INSERT OR UPDATE OF worker_id, team_id, closed_on, opened_on ON cases
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER users_census AFTER INSERT OR UPDATE OF name ON users
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER teams_census AFTER INSERT OR UPDATE OF name ON teams
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
CREATE CONSTRAINT TRIGGER child_restrictions_census AFTER INSERT OR UPDATE OR DELETE ON child_restrictions
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION census_stamp_moves();
