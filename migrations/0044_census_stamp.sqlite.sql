-- One number for everything the Children in Need census reads: children, episodes and
-- assessments, levels, the meetings it counts, agreed plans, pre-proceedings, which case a
-- child is in, the names and teams of the staff it shows, and who is named on a restricted
-- child (data quality hides restricted children from everyone else). Data quality keeps the
-- checked census for a year until the number moves (service/returns_service.cpp).
CREATE TABLE census_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO census_stamp (id, stamp) VALUES (1, 0);
CREATE TRIGGER children_census_insert AFTER INSERT ON children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER children_census_update AFTER UPDATE ON children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER children_census_delete AFTER DELETE ON children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cin_episodes_census_insert AFTER INSERT ON cin_episodes BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cin_episodes_census_update AFTER UPDATE ON cin_episodes BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cin_episodes_census_delete AFTER DELETE ON cin_episodes BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cin_assessments_census_insert AFTER INSERT ON cin_assessments BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cin_assessments_census_update AFTER UPDATE ON cin_assessments BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cin_assessments_census_delete AFTER DELETE ON cin_assessments BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER level_periods_census_insert AFTER INSERT ON level_periods BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER level_periods_census_update AFTER UPDATE ON level_periods BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER level_periods_census_delete AFTER DELETE ON level_periods BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER meetings_census_insert AFTER INSERT ON meetings BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER meetings_census_update AFTER UPDATE ON meetings BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER meetings_census_delete AFTER DELETE ON meetings BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER meeting_children_census_insert AFTER INSERT ON meeting_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER meeting_children_census_update AFTER UPDATE ON meeting_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER meeting_children_census_delete AFTER DELETE ON meeting_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER enquiry_outcomes_census_insert AFTER INSERT ON enquiry_outcomes BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER enquiry_outcomes_census_update AFTER UPDATE ON enquiry_outcomes BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER enquiry_outcomes_census_delete AFTER DELETE ON enquiry_outcomes BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER plan_versions_census_insert AFTER INSERT ON plan_versions BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER plan_versions_census_update AFTER UPDATE ON plan_versions BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER plan_versions_census_delete AFTER DELETE ON plan_versions BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER case_children_census_insert AFTER INSERT ON case_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER case_children_census_update AFTER UPDATE ON case_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER case_children_census_delete AFTER DELETE ON case_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER pre_proceedings_census_insert AFTER INSERT ON pre_proceedings BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER pre_proceedings_census_update AFTER UPDATE ON pre_proceedings BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER pre_proceedings_census_delete AFTER DELETE ON pre_proceedings BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER pre_proceedings_children_census_insert AFTER INSERT ON pre_proceedings_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER pre_proceedings_children_census_update AFTER UPDATE ON pre_proceedings_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER pre_proceedings_children_census_delete AFTER DELETE ON pre_proceedings_children BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cases_census_insert AFTER INSERT ON cases BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER cases_census_update AFTER UPDATE OF worker_id, team_id, closed_on, opened_on ON cases BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER users_census_insert AFTER INSERT ON users BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER users_census_update AFTER UPDATE OF name ON users BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER teams_census_insert AFTER INSERT ON teams BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER teams_census_update AFTER UPDATE OF name ON teams BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER child_restrictions_census_insert AFTER INSERT ON child_restrictions BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER child_restrictions_census_update AFTER UPDATE ON child_restrictions BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
CREATE TRIGGER child_restrictions_census_delete AFTER DELETE ON child_restrictions BEGIN UPDATE census_stamp SET stamp = stamp + 1; END;
