-- The case lists show open cases of one worker or one team in the order of their family
-- names, a page at a time. These let the database walk them in that order and stop when the
-- page is full, whatever the size of the caseload.
CREATE INDEX cases_open_by_worker ON cases (worker_id, family_name, id) WHERE closed_on IS NULL;
CREATE INDEX cases_open_by_team ON cases (team_id, family_name, id) WHERE closed_on IS NULL;
