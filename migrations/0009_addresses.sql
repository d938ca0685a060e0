-- Where each child has lived, one row per address; the current one has no moved_out.
CREATE TABLE child_addresses (
    id @id@,
    child_id BIGINT NOT NULL REFERENCES children (id),
    lines TEXT NOT NULL,
    postcode TEXT NOT NULL DEFAULT '',
    moved_in TEXT NOT NULL,
    moved_out TEXT,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX child_addresses_by_child ON child_addresses (child_id, moved_in);
