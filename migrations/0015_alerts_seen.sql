-- A manager marks an alert as seen, so that the case lists show only the ones still waiting.
ALTER TABLE case_alerts ADD COLUMN seen_by BIGINT REFERENCES users (id);
ALTER TABLE case_alerts ADD COLUMN seen_at TEXT;
CREATE INDEX case_alerts_waiting ON case_alerts (case_id, seen_at);
