-- Training: venues, courses (and which courses satisfy which), sessions and bookings with
-- their history. A session's `holding` counts the bookings that hold a place and is changed
-- in the same transaction as they are; its CHECK is the last word on capacity, so no code
-- path and no race between app nodes can overbook a session.
CREATE TABLE venues (
    id @id@,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    postcode TEXT NOT NULL,
    access TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE TABLE courses (
    id @id@,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    covers TEXT NOT NULL,
    audience TEXT NOT NULL,
    length TEXT NOT NULL,
    needs_approval INTEGER NOT NULL DEFAULT 0 CHECK (needs_approval IN (0, 1)),
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE course_satisfies (
    course_id BIGINT NOT NULL REFERENCES courses (id),
    satisfies_id BIGINT NOT NULL REFERENCES courses (id),
    PRIMARY KEY (course_id, satisfies_id),
    CHECK (course_id <> satisfies_id)
);
CREATE TABLE training_sessions (
    id @id@,
    course_id BIGINT NOT NULL REFERENCES courses (id),
    first_day TEXT NOT NULL,
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 5),
    start_minutes INTEGER NOT NULL CHECK (start_minutes BETWEEN 0 AND 1439),
    end_minutes INTEGER NOT NULL CHECK (end_minutes BETWEEN 1 AND 1439),
    venue_id BIGINT NOT NULL REFERENCES venues (id),
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    holding INTEGER NOT NULL DEFAULT 0,
    queued INTEGER NOT NULL DEFAULT 0,
    booking_deadline TEXT,
    status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'closed', 'cancelled')),
    cancel_reason TEXT NOT NULL DEFAULT '',
    uid TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL DEFAULT 0,
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (end_minutes > start_minutes),
    CHECK (holding BETWEEN 0 AND capacity)
);
CREATE INDEX training_sessions_by_day ON training_sessions (first_day, id);
CREATE TABLE bookings (
    id @id@,
    session_id BIGINT NOT NULL REFERENCES training_sessions (id),
    user_id BIGINT REFERENCES users (id),
    partner_name TEXT NOT NULL DEFAULT '',
    partner_organisation TEXT NOT NULL DEFAULT '',
    partner_email TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('requested', 'declined', 'booked', 'waitlisted',
        'cancelled-by-person', 'cancelled-with-session', 'attended', 'partly-attended',
        'no-show')),
    override_reason TEXT NOT NULL DEFAULT '',
    queue_position INTEGER NOT NULL DEFAULT 0,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (user_id IS NOT NULL OR partner_name <> '')
);
-- One live booking per person per session. The waitlist is in order of joining it: each
-- session counts who has queued (`queued`), under its row's lock, into `queue_position`.
CREATE UNIQUE INDEX bookings_one_live ON bookings (session_id, user_id)
    WHERE user_id IS NOT NULL AND state IN ('requested', 'booked', 'waitlisted');
CREATE INDEX bookings_by_session ON bookings (session_id, state, queue_position, id);
CREATE INDEX bookings_by_user ON bookings (user_id, state);
CREATE TABLE booking_history (
    id @id@,
    booking_id BIGINT NOT NULL REFERENCES bookings (id),
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    by_user BIGINT REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX booking_history_by_booking ON booking_history (booking_id, id);
