-- What children say through Three Houses, Wizards and Fairies and the Safety House: their
-- own words for each part of the tool, the date, who helped, and optionally a photo or scan
-- of their drawing (kept in the data folder under its SHA-256, like the guidance library's
-- files). `place` is where a child put themself on the Safety House path, 0 to 10.
CREATE TABLE child_voice_records (
    id @id@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    child_id BIGINT NOT NULL REFERENCES children (id),
    tool TEXT NOT NULL CHECK (tool IN ('three-houses', 'wizards-and-fairies', 'safety-house')),
    held_on TEXT NOT NULL,
    helped_by TEXT NOT NULL CHECK (helped_by <> ''),
    place INTEGER CHECK (place BETWEEN 0 AND 10),
    drawing_sha256 TEXT NOT NULL DEFAULT '',
    drawing_type TEXT NOT NULL DEFAULT '',
    drawing_name TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX child_voice_records_by_case ON child_voice_records (case_id, held_on);

CREATE TABLE child_voice_parts (
    record_id BIGINT NOT NULL REFERENCES child_voice_records (id),
    part TEXT NOT NULL,
    words TEXT NOT NULL,
    PRIMARY KEY (record_id, part)
);
