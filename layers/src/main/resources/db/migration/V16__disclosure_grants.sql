-- Emergency-time disclosures (issue 7, art. 49-11 para. 3): register data shown without consent,
-- while an emergency is active, to the extent needed. Each row says who saw which resident under
-- which emergency, with which fields, first and last when. The rows are bounded: once the
-- emergency has ended and the retention period has passed, `mimamori retention purge` (also run
-- at start-up) deletes them, with the copies made for supporters, and writes the purge to the
-- audit log. Disclosures with consent or for the municipality's own use are not recorded here:
-- the audit log has them.

CREATE TABLE disclosure_grant (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    emergency_id  bigint NOT NULL REFERENCES emergency (id),
    user_id       bigint NOT NULL REFERENCES app_user (id),
    role          text NOT NULL CHECK (role IN
                      ('admin', 'hq', 'planner', 'dispatcher', 'supporter', 'shelter_staff', 'case_worker')),
    resident_id   bigint NOT NULL REFERENCES resident (id),
    fields        text[] NOT NULL,
    first_at      timestamptz NOT NULL DEFAULT now(),
    last_at       timestamptz NOT NULL DEFAULT now(),
    times         integer NOT NULL DEFAULT 1 CHECK (times >= 1),
    UNIQUE (emergency_id, user_id, resident_id)
);
CREATE INDEX disclosure_grant_resident_idx ON disclosure_grant (resident_id);

-- The visibility rules ask "is this resident in an active emergency?" per resident (V15 made the
-- same index for shelter operations; whichever runs first creates it).
CREATE INDEX IF NOT EXISTS safety_check_resident_idx ON safety_check (resident_id);
