-- Found by bench/casework: a search reads the open level of each child it shows, by child.
CREATE INDEX level_periods_open_by_child ON level_periods (child_id, to_date);
-- ...and the children a worker recorded who are not in a case yet, by who recorded them.
CREATE INDEX children_by_creator ON children (created_by);
