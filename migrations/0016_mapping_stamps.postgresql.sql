-- Every change to what a case's mapping pages show moves the case's mapping_stamp on, so a
-- page drawn for one stamp can be served again, to anyone allowed to see it, until the stamp
-- moves. The database keeps the stamp, so no code path can change a mapping and forget it.
ALTER TABLE cases ADD COLUMN mapping_stamp BIGINT NOT NULL DEFAULT 0;
CREATE FUNCTION mapping_stamp_by_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = OLD.case_id;
    ELSE
        UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER mappings_stamp AFTER INSERT OR UPDATE OR DELETE ON mappings
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_case();

CREATE FUNCTION mapping_stamp_by_mapping() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE cases SET mapping_stamp = mapping_stamp + 1
        WHERE id = (SELECT case_id FROM mappings WHERE id = OLD.mapping_id);
    ELSE
        UPDATE cases SET mapping_stamp = mapping_stamp + 1
        WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER mapping_children_stamp AFTER INSERT OR UPDATE OR DELETE ON mapping_children
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_mapping();
CREATE TRIGGER mapping_participants_stamp AFTER INSERT OR UPDATE OR DELETE ON mapping_participants
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_mapping();
CREATE TRIGGER mapping_entries_stamp AFTER INSERT OR UPDATE OR DELETE ON mapping_entries
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_mapping();
CREATE TRIGGER mapping_scores_stamp AFTER INSERT OR UPDATE OR DELETE ON mapping_scores
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_mapping();

-- Names of the children and of the people around them appear on the pages too.
CREATE FUNCTION mapping_stamp_by_child() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    child BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'children' THEN
        child := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        child := OLD.child_id;
    ELSE
        child := NEW.child_id;
    END IF;
    UPDATE cases SET mapping_stamp = mapping_stamp + 1
    WHERE id IN (SELECT case_id FROM case_children WHERE child_id = child);
    RETURN NULL;
END;
$$;
CREATE TRIGGER children_stamp AFTER UPDATE ON children
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_child();
CREATE TRIGGER child_people_stamp AFTER INSERT OR UPDATE OR DELETE ON child_people
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_child();

CREATE FUNCTION mapping_stamp_by_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET mapping_stamp = mapping_stamp + 1
    WHERE id IN (SELECT cc.case_id FROM case_children cc
                 JOIN child_people cp ON cp.child_id = cc.child_id WHERE cp.person_id = NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER people_stamp AFTER UPDATE ON people
FOR EACH ROW EXECUTE FUNCTION mapping_stamp_by_person();

-- A council's own wording shows on every mapping.
CREATE FUNCTION mapping_stamp_everywhere() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET mapping_stamp = mapping_stamp + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER wording_overrides_stamp AFTER INSERT OR UPDATE OR DELETE ON wording_overrides
FOR EACH STATEMENT EXECUTE FUNCTION mapping_stamp_everywhere();
