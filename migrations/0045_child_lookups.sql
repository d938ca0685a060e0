-- Rows found by child that had no index to find them by. The census reads a few children's
-- meetings at a time for the case lists' counts of census problems. A child's name keys are
-- replaced whenever their name changes, and every child's when the key scheme changes; the
-- keys' primary key starts with the key, so without this each replacement read the whole
-- table, and renewing a large council's keys grew with the square of its children.
CREATE INDEX meeting_children_by_child ON meeting_children (child_id);
CREATE INDEX child_name_keys_by_child ON child_name_keys (child_id);
-- Restricted children are few; lists that hide them from everyone not named find them
-- without reading every child.
CREATE INDEX children_restricted ON children (id) WHERE restricted = 1;
