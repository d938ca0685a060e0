-- The census reads a few children's meetings at a time for the case lists' counts of
-- census problems, so their meetings are found by child as well as by meeting.
CREATE INDEX meeting_children_by_child ON meeting_children (child_id);
