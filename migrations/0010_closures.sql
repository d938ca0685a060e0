-- Why each child's part in a case ended. The day it ended is the end of their last level
-- period; the case itself closes when the last of its children's parts does.
ALTER TABLE case_children ADD COLUMN close_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE case_children ADD COLUMN close_note TEXT NOT NULL DEFAULT '';
