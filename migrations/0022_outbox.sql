-- Messages signs sends (meeting invitations, their changes and cancellations), kept until
-- the mail server has taken them. A message that cannot be delivered waits and is tried again
-- later; after many tries it is marked failed for an administrator to see. Without a mail
-- server configured they stay waiting, for viewing under the admin screen.
CREATE TABLE outbox (
    id @id@,
    kind TEXT NOT NULL,
    to_name TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    calendar TEXT NOT NULL DEFAULT '',
    calendar_method TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
