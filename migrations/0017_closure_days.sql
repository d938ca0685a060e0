-- Days the council is closed besides weekends and bank holidays (between Christmas and New
-- Year, say). Statutory deadlines counted in working days skip them.
CREATE TABLE closure_days (
    day TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    added_by BIGINT REFERENCES users (id),
    added_at TEXT NOT NULL
);
