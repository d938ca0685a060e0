-- One number for everything the due lists show: the kept deadlines, a case's family name,
-- worker, team or closing, people's and teams' names, and restrictions. It moves on with any
-- change to them, so a list drawn at one stamp can be served again until it moves.
CREATE TABLE due_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO due_stamp (id, stamp) VALUES (1, 0);
CREATE TRIGGER case_deadlines_due_insert AFTER INSERT ON case_deadlines BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER case_deadlines_due_delete AFTER DELETE ON case_deadlines BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cases_due_update AFTER UPDATE OF family_name, worker_id, team_id, closed_on ON cases BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER users_due_update AFTER UPDATE OF name ON users BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER teams_due_update AFTER UPDATE OF name ON teams BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER children_due_update AFTER UPDATE OF restricted ON children BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER child_restrictions_due_insert AFTER INSERT ON child_restrictions BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER child_restrictions_due_delete AFTER DELETE ON child_restrictions BEGIN UPDATE due_stamp SET stamp = stamp + 1; END;
