-- Every change to what a case's page shows, beyond what mapping_stamp (mappings, names,
-- wording) and deadline_stamp (levels, meetings, visits, closure days) already follow, moves
-- the case's page_stamp on: its children joining and leaving, break-glass grants, alerts and
-- their being seen, the plan and its progress, the child's voice, stories, and the names and
-- teams of the staff it shows. A case page drawn for one set of stamps can be served again
-- until one moves; the database keeps them, so no code path can forget.
ALTER TABLE cases ADD COLUMN page_stamp BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION page_stamp_by_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = OLD.case_id;
    ELSE
        UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION page_stamp_by_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE cases SET page_stamp = page_stamp + 1
        WHERE id = (SELECT case_id FROM plans WHERE id = OLD.plan_id);
    ELSE
        UPDATE cases SET page_stamp = page_stamp + 1
        WHERE id = (SELECT case_id FROM plans WHERE id = NEW.plan_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_children_page_stamp AFTER INSERT OR UPDATE OR DELETE ON case_children
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
CREATE TRIGGER break_glass_grants_page_stamp AFTER INSERT OR UPDATE OR DELETE ON break_glass_grants
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
CREATE TRIGGER case_alerts_page_stamp AFTER INSERT OR UPDATE OR DELETE ON case_alerts
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
CREATE TRIGGER plans_page_stamp AFTER INSERT OR UPDATE OR DELETE ON plans
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
CREATE TRIGGER child_voice_records_page_stamp AFTER INSERT OR UPDATE OR DELETE ON child_voice_records
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
CREATE TRIGGER stories_page_stamp AFTER INSERT OR UPDATE OR DELETE ON stories
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
CREATE TRIGGER plan_versions_page_stamp AFTER INSERT OR UPDATE OR DELETE ON plan_versions
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_plan();
CREATE TRIGGER plan_action_states_page_stamp AFTER INSERT OR UPDATE OR DELETE ON plan_action_states
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_plan();

-- A worker's name, or who is in a team, shows on the cases they work on and their team's.
CREATE FUNCTION page_stamp_by_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        UPDATE cases SET page_stamp = page_stamp + 1
        WHERE worker_id = NEW.id OR team_id = NEW.team_id OR team_id = OLD.team_id;
    ELSE
        UPDATE cases SET page_stamp = page_stamp + 1 WHERE team_id = NEW.team_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER users_page_stamp AFTER INSERT OR UPDATE ON users
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_user();
CREATE FUNCTION page_stamp_by_team() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET page_stamp = page_stamp + 1 WHERE team_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER teams_page_stamp AFTER UPDATE ON teams
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_team();

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

CREATE FUNCTION child_page_stamp_new_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO child_page_stamps (child_id, stamp) VALUES (NEW.id, 0);
    RETURN NULL;
END;
$$;
CREATE TRIGGER children_page_stamp AFTER INSERT ON children
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_new_child();
CREATE FUNCTION child_page_stamp_by_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = OLD.child_id;
    ELSE
        UPDATE child_page_stamps SET stamp = stamp + 1 WHERE child_id = NEW.child_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER chronology_events_child_stamp AFTER INSERT OR UPDATE OR DELETE ON chronology_events
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE TRIGGER child_people_child_stamp AFTER INSERT OR UPDATE OR DELETE ON child_people
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE TRIGGER professionals_child_stamp AFTER INSERT OR UPDATE OR DELETE ON professionals
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE TRIGGER child_addresses_child_stamp AFTER INSERT OR UPDATE OR DELETE ON child_addresses
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE TRIGGER contacts_child_stamp AFTER INSERT OR UPDATE OR DELETE ON contacts
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE TRIGGER case_children_child_stamp AFTER INSERT OR UPDATE OR DELETE ON case_children
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE TRIGGER level_periods_child_stamp AFTER INSERT OR UPDATE OR DELETE ON level_periods
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_child();
CREATE FUNCTION child_page_stamp_by_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE child_page_stamps SET stamp = stamp + 1
    WHERE child_id IN (SELECT child_id FROM child_people WHERE person_id = NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER people_child_stamp AFTER UPDATE ON people
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_person();
CREATE FUNCTION child_page_stamp_by_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE child_page_stamps SET stamp = stamp + 1
    WHERE child_id IN (SELECT child_id FROM case_children WHERE case_id = NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER cases_child_stamp AFTER UPDATE OF family_name, worker_id, team_id, closed_on ON cases
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_case();
CREATE FUNCTION child_page_stamp_by_worker() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE child_page_stamps SET stamp = stamp + 1
    WHERE child_id IN (SELECT cc.child_id FROM case_children cc
                       JOIN cases c ON c.id = cc.case_id WHERE c.worker_id = NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER users_child_stamp AFTER UPDATE OF name ON users
FOR EACH ROW EXECUTE FUNCTION child_page_stamp_by_worker();
