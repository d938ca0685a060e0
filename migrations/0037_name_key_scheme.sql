-- Which way of making name keys (domain::kNameKeyScheme) the stored child_name_keys were
-- made under. When the code's scheme is newer, migrating makes every child's keys again, so
-- a search finds names stored before the change as it finds new ones.
CREATE TABLE name_key_scheme (
    scheme INTEGER NOT NULL
);
INSERT INTO name_key_scheme (scheme) VALUES (1);
