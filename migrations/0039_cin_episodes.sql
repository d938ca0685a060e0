-- Children in need episodes, from referral to closure, as the census counts them, and the
-- assessments in each. An episode opens when a contact's decision sends it on for
-- assessment or a strategy discussion, or when a child reaches child in need or a higher
-- level without one open; it closes when the child's part in the case closes or they step
-- down to early help (service/cin_episodes.cpp).
CREATE TABLE cin_episodes (
    id @id@,
    child_id BIGINT NOT NULL REFERENCES children (id),
    contact_id BIGINT REFERENCES contacts (id),
    referral_date TEXT NOT NULL,
    referral_source TEXT NOT NULL DEFAULT '',
    primary_need TEXT NOT NULL DEFAULT '',
    no_further_action INTEGER NOT NULL DEFAULT 0 CHECK (no_further_action IN (0, 1)),
    closed_on TEXT,
    closure_reason TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (closed_on IS NULL OR closed_on >= referral_date)
);
CREATE INDEX cin_episodes_by_child ON cin_episodes (child_id, referral_date);
-- The census year's episodes: those referred by its end and not closed before it began.
CREATE INDEX cin_episodes_by_referral ON cin_episodes (referral_date);

-- An assessment starts on a day; a manager authorises it, with the factors it found.
CREATE TABLE cin_assessments (
    id @id@,
    episode_id BIGINT NOT NULL REFERENCES cin_episodes (id),
    started_on TEXT NOT NULL,
    authorised_on TEXT,
    authorised_by BIGINT REFERENCES users (id),
    factors TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (authorised_on IS NULL OR authorised_on >= started_on)
);
CREATE INDEX cin_assessments_by_episode ON cin_assessments (episode_id, started_on);

-- Children already at child in need or a higher level have an episode from the start of
-- their current level; who referred them is for the worker to record.
INSERT INTO cin_episodes (child_id, referral_date, recorded_at)
SELECT child_id, MIN(from_date), '2026-12-07T00:00:00.000000Z' FROM level_periods
WHERE to_date IS NULL AND level <> 'early-help' GROUP BY child_id;

-- A child has at most one episode going on: open, and not ended by no further action (the
-- census allows several referrals with no further action to stay without a closing date).
CREATE UNIQUE INDEX cin_episodes_one_open ON cin_episodes (child_id)
    WHERE closed_on IS NULL AND no_further_action = 0;
