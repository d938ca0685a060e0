-- Pre-proceedings start clocks on the due lists and show on the case page, so a change to
-- them moves both of the case's stamps (migrations 0020 and 0032).
CREATE TRIGGER pre_proceedings_stamps_insert AFTER INSERT ON pre_proceedings BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1, page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER pre_proceedings_stamps_update AFTER UPDATE ON pre_proceedings BEGIN UPDATE cases SET deadline_stamp = deadline_stamp + 1, page_stamp = page_stamp + 1 WHERE id = NEW.case_id; END;
