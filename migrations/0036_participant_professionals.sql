-- A participant can be a member of staff chosen from signs, as one from the family's records
-- is linked to them (0014): the mapping then names them as they are called now, and what they
-- said can be followed back to them whatever their name becomes.
ALTER TABLE mapping_participants ADD COLUMN user_id BIGINT REFERENCES users (id);
