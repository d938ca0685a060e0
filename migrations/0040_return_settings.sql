-- What the statutory returns say about the council itself: its three-digit DfE number (LEA),
-- set by an administrator or performance officer and written into every return's header.
CREATE TABLE return_settings (
    la_code TEXT NOT NULL DEFAULT '',
    changed_by BIGINT REFERENCES users (id),
    changed_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO return_settings (la_code) VALUES ('');
