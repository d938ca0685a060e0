-- Every change to what a case's mapping pages show moves the case's mapping_stamp on, so a
-- page drawn for one stamp can be served again, to anyone allowed to see it, until the stamp
-- moves. The database keeps the stamp, so no code path can change a mapping and forget it.
ALTER TABLE cases ADD COLUMN mapping_stamp BIGINT NOT NULL DEFAULT 0;
CREATE TRIGGER mappings_stamp_insert AFTER INSERT ON mappings BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER mappings_stamp_update AFTER UPDATE ON mappings BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER mappings_stamp_delete AFTER DELETE ON mappings BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = OLD.case_id; END;
CREATE TRIGGER mapping_children_stamp_insert AFTER INSERT ON mapping_children BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_children_stamp_update AFTER UPDATE ON mapping_children BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_children_stamp_delete AFTER DELETE ON mapping_children BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = OLD.mapping_id); END;
CREATE TRIGGER mapping_participants_stamp_insert AFTER INSERT ON mapping_participants BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_participants_stamp_update AFTER UPDATE ON mapping_participants BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_participants_stamp_delete AFTER DELETE ON mapping_participants BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = OLD.mapping_id); END;
CREATE TRIGGER mapping_entries_stamp_insert AFTER INSERT ON mapping_entries BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_entries_stamp_update AFTER UPDATE ON mapping_entries BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_entries_stamp_delete AFTER DELETE ON mapping_entries BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = OLD.mapping_id); END;
CREATE TRIGGER mapping_scores_stamp_insert AFTER INSERT ON mapping_scores BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_scores_stamp_update AFTER UPDATE ON mapping_scores BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = NEW.mapping_id); END;
CREATE TRIGGER mapping_scores_stamp_delete AFTER DELETE ON mapping_scores BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id = (SELECT case_id FROM mappings WHERE id = OLD.mapping_id); END;
-- Names of the children and of the people around them appear on the pages too.
CREATE TRIGGER children_stamp_update AFTER UPDATE ON children BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id IN (SELECT case_id FROM case_children WHERE child_id = NEW.id); END;
CREATE TRIGGER child_people_stamp_insert AFTER INSERT ON child_people BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id IN (SELECT case_id FROM case_children WHERE child_id = NEW.child_id); END;
CREATE TRIGGER child_people_stamp_update AFTER UPDATE ON child_people BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id IN (SELECT case_id FROM case_children WHERE child_id = NEW.child_id); END;
CREATE TRIGGER child_people_stamp_delete AFTER DELETE ON child_people BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id IN (SELECT case_id FROM case_children WHERE child_id = OLD.child_id); END;
CREATE TRIGGER people_stamp_update AFTER UPDATE ON people BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1 WHERE id IN (SELECT cc.case_id FROM case_children cc JOIN child_people cp ON cp.child_id = cc.child_id WHERE cp.person_id = NEW.id); END;
-- A council's own wording shows on every mapping.
CREATE TRIGGER wording_overrides_stamp_insert AFTER INSERT ON wording_overrides BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1; END;
CREATE TRIGGER wording_overrides_stamp_update AFTER UPDATE ON wording_overrides BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1; END;
CREATE TRIGGER wording_overrides_stamp_delete AFTER DELETE ON wording_overrides BEGIN UPDATE cases SET mapping_stamp = mapping_stamp + 1; END;
