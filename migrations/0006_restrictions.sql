-- Restricted children (a member of staff's own family, a high-profile case): only the people
-- named here may open the child or any case they are in, and nobody may break the glass.
CREATE TABLE child_restrictions (
    child_id BIGINT NOT NULL REFERENCES children (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (child_id, user_id)
);
CREATE INDEX child_restrictions_by_user ON child_restrictions (user_id);
