-- Photos a supporter adds to a safety check from the doorstep (issue 8): kept with the check, at
-- most 900 kB each (the phone sends a JPEG of at most 1280 px, typically 100-300 kB), stored once
-- per idempotency key like the status reports, so a phone resending after a lost answer adds none.
-- Reading one is a read of personal data (a home, perhaps a person): the server audits it.

CREATE TABLE check_photo (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    safety_check_id  bigint NOT NULL REFERENCES safety_check (id),
    emergency_id     bigint NOT NULL REFERENCES emergency (id),
    content_type     text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes            bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 900000),
    sha256           bytea NOT NULL CHECK (octet_length(sha256) = 32),
    uploaded_by      bigint REFERENCES app_user (id),
    uploaded_at      timestamptz NOT NULL DEFAULT now(),
    client_time      timestamptz,
    idempotency_key  text NOT NULL UNIQUE CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{8,80}$')
);
CREATE INDEX check_photo_check_idx ON check_photo (safety_check_id, id);

-- Safety-check events are numbered by an identity column, and the HQ screens read them by number
-- ("everything after the last id I have", LiveEvents). Two writers at once can make id 102 visible
-- before 101, and a screen that read 102 would never see 101: measured as lost events under load
-- (bench LiveLoadBench: 1,041 of 120,260 deliveries with 300 phones and 20 screens). Every statement
-- that adds events therefore holds one advisory lock, shared, from before its rows draw their ids
-- to its commit. Writers do not wait for each other; a reader that finds a gap in the ids asks for
-- the lock exclusively, without waiting: if it gets it, no writer is at work and the gap is a
-- rolled-back id, else the reader stops before the gap until the writer commits
-- (SafetyCheckStore.eventsAfter).
CREATE FUNCTION safety_check_event_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7370001); -- the event sequence's lock (a constant used nowhere else)
    RETURN NULL;
END $$;
CREATE TRIGGER safety_check_event_writer BEFORE INSERT ON safety_check_event
    FOR EACH STATEMENT EXECUTE FUNCTION safety_check_event_writer();
