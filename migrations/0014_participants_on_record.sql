-- A mapping's participant can be someone already on the family's records, so that what they
-- said and the numbers they gave can be followed back to the person.
ALTER TABLE mapping_participants ADD COLUMN person_id BIGINT REFERENCES people (id);
