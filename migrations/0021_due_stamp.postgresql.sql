-- One number for everything the due lists show: the kept deadlines, a case's family name,
-- worker, team or closing, people's and teams' names, and restrictions. It moves on with any
-- change to them, so a list drawn at one stamp can be served again until it moves.
CREATE TABLE due_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO due_stamp (id, stamp) VALUES (1, 0);
CREATE FUNCTION due_stamp_moves() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE due_stamp SET stamp = stamp + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_deadlines_due AFTER INSERT OR DELETE ON case_deadlines
FOR EACH STATEMENT EXECUTE FUNCTION due_stamp_moves();
CREATE TRIGGER cases_due AFTER UPDATE OF family_name, worker_id, team_id, closed_on ON cases
FOR EACH STATEMENT EXECUTE FUNCTION due_stamp_moves();
CREATE TRIGGER users_due AFTER UPDATE OF name ON users
FOR EACH STATEMENT EXECUTE FUNCTION due_stamp_moves();
CREATE TRIGGER teams_due AFTER UPDATE OF name ON teams
FOR EACH STATEMENT EXECUTE FUNCTION due_stamp_moves();
CREATE TRIGGER children_due AFTER UPDATE OF restricted ON children
FOR EACH STATEMENT EXECUTE FUNCTION due_stamp_moves();
CREATE TRIGGER child_restrictions_due AFTER INSERT OR DELETE ON child_restrictions
FOR EACH STATEMENT EXECUTE FUNCTION due_stamp_moves();
