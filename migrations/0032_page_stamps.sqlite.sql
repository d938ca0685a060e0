-- Every change to what a case's page shows, beyond what mapping_stamp (mappings, names,
-- wording) and deadline_stamp (levels, meetings, visits, closure days) already follow, moves
-- the case's page_stamp on: its children joining and leaving, break-glass grants, alerts and
-- their being seen, the plan and its progress, the child's voice, stories, and the names and
-- teams of the staff it shows. A case page drawn for one set of stamps can be served again
-- until one moves; the database keeps them, so no code path can forget.
ALTER TABLE cases ADD COLUMN page_stamp BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER case_children_page_stamp_insert AFTER INSERT ON case_children BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER case_children_page_stamp_update AFTER UPDATE ON case_children BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER case_children_page_stamp_delete AFTER DELETE ON case_children BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id; END;
CREATE TRIGGER break_glass_grants_page_stamp_insert AFTER INSERT ON break_glass_grants BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER break_glass_grants_page_stamp_update AFTER UPDATE ON break_glass_grants BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER break_glass_grants_page_stamp_delete AFTER DELETE ON break_glass_grants BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id; END;
CREATE TRIGGER case_alerts_page_stamp_insert AFTER INSERT ON case_alerts BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER case_alerts_page_stamp_update AFTER UPDATE ON case_alerts BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER case_alerts_page_stamp_delete AFTER DELETE ON case_alerts BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id; END;
CREATE TRIGGER plans_page_stamp_insert AFTER INSERT ON plans BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER plans_page_stamp_update AFTER UPDATE ON plans BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER plans_page_stamp_delete AFTER DELETE ON plans BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id; END;
CREATE TRIGGER plan_versions_page_stamp_insert AFTER INSERT ON plan_versions BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = (SELECT case_id FROM plans WHERE id = NEW.plan_id); END;
CREATE TRIGGER plan_versions_page_stamp_update AFTER UPDATE ON plan_versions BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = (SELECT case_id FROM plans WHERE id = NEW.plan_id); END;
CREATE TRIGGER plan_versions_page_stamp_delete AFTER DELETE ON plan_versions BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = (SELECT case_id FROM plans WHERE id = OLD.plan_id); END;
CREATE TRIGGER plan_action_states_page_stamp_insert AFTER INSERT ON plan_action_states BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = (SELECT case_id FROM plans WHERE id = NEW.plan_id); END;
CREATE TRIGGER plan_action_states_page_stamp_update AFTER UPDATE ON plan_action_states BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = (SELECT case_id FROM plans WHERE id = NEW.plan_id); END;
CREATE TRIGGER plan_action_states_page_stamp_delete AFTER DELETE ON plan_action_states BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = (SELECT case_id FROM plans WHERE id = OLD.plan_id); END;
CREATE TRIGGER child_voice_records_page_stamp_insert AFTER INSERT ON child_voice_records BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER child_voice_records_page_stamp_update AFTER UPDATE ON child_voice_records BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER child_voice_records_page_stamp_delete AFTER DELETE ON child_voice_records BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id; END;
CREATE TRIGGER stories_page_stamp_insert AFTER INSERT ON stories BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER stories_page_stamp_update AFTER UPDATE ON stories BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER stories_page_stamp_delete AFTER DELETE ON stories BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id; END;
-- A worker's name, or who is in a team, shows on the cases they work on and their team's.
CREATE TRIGGER users_page_stamp_update AFTER UPDATE ON users BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE worker_id = NEW.id OR team_id = NEW.team_id OR team_id = OLD.team_id; END;
CREATE TRIGGER users_page_stamp_insert AFTER INSERT ON users BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE team_id = NEW.team_id; END;
CREATE TRIGGER teams_page_stamp_update AFTER UPDATE ON teams BEGIN UPDATE cases SET page_stamp = page_stamp + 1 WHERE team_id = NEW.id; END;

-- The child's page in the same way: child_page_stamps holds one stamp per child, moved on by
-- every change the page shows beyond the child's own row (whose version moves with each
-- edit): chronology, family and network, professionals, addresses, contacts, the child's
-- cases and levels, and the names of the workers on those cases. A table of its own, so that
-- moving it never touches the children row and the stamps that follow it.
CREATE TABLE child_page_stamps (
    child_id BIGINT PRIMARY KEY REFERENCES children (id) ON DELETE CASCADE,
    stamp BIGINT NOT NULL DEFAULT 0
);
INSERT INTO child_page_stamps (child_id, stamp) SELECT id, 0 FROM children;

CREATE TRIGGER children_page_stamp_insert AFTER INSERT ON children BEGIN INSERT INTO child_page_stamps (child_id, stamp) VALUES (NEW.id, 0); END;
CREATE TRIGGER chronology_events_child_stamp_insert AFTER INSERT ON chronology_events BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER chronology_events_child_stamp_update AFTER UPDATE ON chronology_events BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER chronology_events_child_stamp_delete AFTER DELETE ON chronology_events BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER child_people_child_stamp_insert AFTER INSERT ON child_people BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER child_people_child_stamp_update AFTER UPDATE ON child_people BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER child_people_child_stamp_delete AFTER DELETE ON child_people BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER professionals_child_stamp_insert AFTER INSERT ON professionals BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER professionals_child_stamp_update AFTER UPDATE ON professionals BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER professionals_child_stamp_delete AFTER DELETE ON professionals BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER child_addresses_child_stamp_insert AFTER INSERT ON child_addresses BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER child_addresses_child_stamp_update AFTER UPDATE ON child_addresses BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER child_addresses_child_stamp_delete AFTER DELETE ON child_addresses BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER contacts_child_stamp_insert AFTER INSERT ON contacts BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER contacts_child_stamp_update AFTER UPDATE ON contacts BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER contacts_child_stamp_delete AFTER DELETE ON contacts BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER case_children_child_stamp_insert AFTER INSERT ON case_children BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER case_children_child_stamp_update AFTER UPDATE ON case_children BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER case_children_child_stamp_delete AFTER DELETE ON case_children BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER level_periods_child_stamp_insert AFTER INSERT ON level_periods BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER level_periods_child_stamp_update AFTER UPDATE ON level_periods BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id; END;
CREATE TRIGGER level_periods_child_stamp_delete AFTER DELETE ON level_periods BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id; END;
CREATE TRIGGER people_child_stamp_update AFTER UPDATE ON people BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id IN (SELECT child_id FROM child_people WHERE person_id = NEW.id); END;
CREATE TRIGGER cases_child_stamp_update AFTER UPDATE OF family_name, worker_id, team_id, closed_on ON cases BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id IN (SELECT child_id FROM case_children WHERE case_id = NEW.id); END;
CREATE TRIGGER users_child_stamp_update AFTER UPDATE OF name ON users BEGIN UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id IN (SELECT cc.child_id FROM case_children cc JOIN cases c ON c.id = cc.case_id WHERE c.worker_id = NEW.id); END;
