-- Pre-proceedings start clocks on the due lists and show on the case page, so a change to
-- them moves both of the case's stamps (migrations 0020 and 0032).
CREATE TRIGGER pre_proceedings_deadlines AFTER INSERT OR UPDATE ON pre_proceedings
FOR EACH ROW EXECUTE FUNCTION deadline_stamp_by_case();
CREATE TRIGGER pre_proceedings_page_stamp AFTER INSERT OR UPDATE ON pre_proceedings
FOR EACH ROW EXECUTE FUNCTION page_stamp_by_case();
