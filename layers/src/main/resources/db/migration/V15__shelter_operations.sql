-- Shelters during an emergency (issue 8 item 4): a shelter opens (for an emergency, or on its own)
-- and closes; arrivals check in as a party (the people themselves and the family members with
-- them) and check out; welfare and child welfare shelters record whether each arrival belongs to
-- their announced target groups; ordinary shelters ask a welfare shelter to take a person after
-- triage (Kumamoto: requested -> accepted / refused -> moved). Every change is an event kept for
-- ever, numbered in the same sequence as the safety-check events so that one Last-Event-ID
-- resumes both streams, announced on 'live_event' (screens) and on 'map_change' (shelter tiles).

-- A shelter staff account may be limited to one shelter.
ALTER TABLE user_role ADD COLUMN shelter_id bigint REFERENCES shelter (id);
ALTER TABLE user_role ADD CONSTRAINT user_role_shelter_staff_only CHECK (shelter_id IS NULL OR role = 'shelter_staff');
DROP INDEX user_role_unique_idx;
CREATE UNIQUE INDEX user_role_unique_idx ON user_role (user_id, role, coalesce(district_id, 0), coalesce(shelter_id, 0));

-- An open period of a shelter. capacity_persons: the places announced on opening (everyone, family
-- members included), when they differ from the published capacity; null keeps the published one.
CREATE TABLE shelter_opening (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shelter_id        bigint NOT NULL REFERENCES shelter (id),
    emergency_id      bigint REFERENCES emergency (id),
    capacity_persons  integer CHECK (capacity_persons >= 0),
    opened_by         bigint NOT NULL REFERENCES app_user (id),
    opened_at         timestamptz NOT NULL DEFAULT now(),
    closed_by         bigint REFERENCES app_user (id),
    closed_at         timestamptz,
    CHECK ((closed_at IS NULL) = (closed_by IS NULL))
);
CREATE UNIQUE INDEX shelter_opening_open_idx ON shelter_opening (shelter_id) WHERE closed_at IS NULL;
CREATE INDEX shelter_opening_emergency_idx ON shelter_opening (emergency_id);

-- One check-in: a party of persons (at a welfare shelter, the people it is for) and the family
-- members who came with them. eligibility: at welfare and child welfare shelters, whether the
-- persons belong to the announced target groups (unconfirmed until someone says); null elsewhere.
CREATE TABLE shelter_stay (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opening_id        bigint NOT NULL REFERENCES shelter_opening (id),
    shelter_id        bigint NOT NULL REFERENCES shelter (id),
    resident_id       bigint REFERENCES resident (id),
    persons           smallint NOT NULL CHECK (persons BETWEEN 1 AND 100),
    family_members    smallint NOT NULL DEFAULT 0 CHECK (family_members BETWEEN 0 AND 100),
    eligibility       text CHECK (eligibility IN ('eligible', 'not_eligible', 'unconfirmed')),
    checked_in_by     bigint NOT NULL REFERENCES app_user (id),
    checked_in_at     timestamptz NOT NULL DEFAULT now(),
    checked_out_by    bigint REFERENCES app_user (id),
    checked_out_at    timestamptz,
    CHECK ((checked_out_at IS NULL) = (checked_out_by IS NULL))
);
CREATE INDEX shelter_stay_present_idx ON shelter_stay (opening_id) WHERE checked_out_at IS NULL;
CREATE INDEX shelter_stay_resident_idx ON shelter_stay (resident_id);

-- A request to move a person (and the family with them) from one shelter to a welfare shelter.
CREATE TABLE shelter_transfer (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    emergency_id      bigint REFERENCES emergency (id),
    from_shelter_id   bigint NOT NULL REFERENCES shelter (id),
    from_stay_id      bigint NOT NULL REFERENCES shelter_stay (id),
    to_shelter_id     bigint NOT NULL REFERENCES shelter (id),
    reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),  -- the triage finding
    status            text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'refused', 'moved')),
    requested_by      bigint NOT NULL REFERENCES app_user (id),
    requested_at      timestamptz NOT NULL DEFAULT now(),
    decided_by        bigint REFERENCES app_user (id),
    decided_at        timestamptz,
    decision_note     text CHECK (length(decision_note) <= 500),
    moved_by          bigint REFERENCES app_user (id),
    moved_at          timestamptz,
    to_stay_id        bigint REFERENCES shelter_stay (id),
    CHECK (from_shelter_id <> to_shelter_id),
    CHECK ((status IN ('requested')) = (decided_at IS NULL)),
    CHECK ((status = 'moved') = (to_stay_id IS NOT NULL))
);
-- a stay has at most one transfer under way
CREATE UNIQUE INDEX shelter_transfer_open_idx ON shelter_transfer (from_stay_id) WHERE status IN ('requested', 'accepted');
CREATE INDEX shelter_transfer_to_idx ON shelter_transfer (to_shelter_id, status);
CREATE INDEX shelter_transfer_from_idx ON shelter_transfer (from_shelter_id, status);

-- How full a shelter is: 'unknown' without a capacity, 'full' at or over it, 'near_full' from 80 %
-- of it (rounded up), else 'ok'. The one definition for the API, the events and the tiles.
CREATE FUNCTION shelter_capacity_level(occupied bigint, capacity integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN capacity IS NULL THEN 'unknown'
        WHEN occupied >= capacity THEN 'full'
        WHEN occupied >= ceil(capacity * 0.8) THEN 'near_full'
        ELSE 'ok'
    END
$$;

-- The worse of two levels (a child welfare shelter is as full as the fuller of its two capacities).
CREATE FUNCTION shelter_worse_level(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN 'full' IN (a, b) THEN 'full'
        WHEN 'near_full' IN (a, b) THEN 'near_full'
        WHEN 'ok' IN (a, b) THEN 'ok'
        ELSE 'unknown'
    END
$$;

-- Every opening with who is there now. persons and family_members: present now; eligible,
-- not_eligible, unconfirmed: present persons by eligibility; occupied = persons + family members.
-- level: against the opening's capacity and, at child welfare shelters, the eligible children
-- against the children's places.
CREATE VIEW shelter_occupancy AS
SELECT o.id AS opening_id, o.shelter_id, o.emergency_id, o.opened_at, o.closed_at, s.kind,
       coalesce(o.capacity_persons, s.capacity_persons) AS capacity_persons, s.capacity_children,
       coalesce(p.persons, 0) AS persons, coalesce(p.family_members, 0) AS family_members,
       coalesce(p.persons, 0) + coalesce(p.family_members, 0) AS occupied,
       coalesce(p.eligible, 0) AS eligible, coalesce(p.not_eligible, 0) AS not_eligible,
       coalesce(p.unconfirmed, 0) AS unconfirmed,
       CASE WHEN s.kind = 'child_welfare_shelter' THEN
                shelter_worse_level(
                    shelter_capacity_level(coalesce(p.persons, 0) + coalesce(p.family_members, 0),
                                           coalesce(o.capacity_persons, s.capacity_persons)),
                    CASE WHEN s.capacity_children IS NULL THEN 'unknown'
                         ELSE shelter_capacity_level(coalesce(p.eligible, 0), s.capacity_children) END)
            ELSE shelter_capacity_level(coalesce(p.persons, 0) + coalesce(p.family_members, 0),
                                        coalesce(o.capacity_persons, s.capacity_persons)) END AS level
FROM shelter_opening o
JOIN shelter s ON s.id = o.shelter_id
LEFT JOIN LATERAL (
    SELECT sum(st.persons) AS persons, sum(st.family_members) AS family_members,
           sum(st.persons) FILTER (WHERE st.eligibility = 'eligible') AS eligible,
           sum(st.persons) FILTER (WHERE st.eligibility = 'not_eligible') AS not_eligible,
           sum(st.persons) FILTER (WHERE st.eligibility = 'unconfirmed') AS unconfirmed
    FROM shelter_stay st WHERE st.opening_id = o.id AND st.checked_out_at IS NULL
) p ON true;

-- Every change at a shelter, with the shelter's state right after it (no personal data: the stay
-- and transfer are named by id only).
CREATE TABLE shelter_event (
    id                bigint PRIMARY KEY DEFAULT nextval('safety_check_event_id_seq'::regclass),
    shelter_id        bigint NOT NULL REFERENCES shelter (id),
    opening_id        bigint REFERENCES shelter_opening (id),
    emergency_id      bigint REFERENCES emergency (id),
    kind              text NOT NULL CHECK (kind IN ('opened', 'closed', 'checked_in', 'checked_out',
                          'transfer_requested', 'transfer_accepted', 'transfer_refused', 'transfer_moved')),
    stay_id           bigint REFERENCES shelter_stay (id),
    transfer_id       bigint REFERENCES shelter_transfer (id),
    is_open           boolean NOT NULL,
    occupied          integer NOT NULL,
    capacity_persons  integer,
    level             text NOT NULL,
    level_before      text NOT NULL,
    recorded_by       bigint REFERENCES app_user (id),
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    idempotency_key   text UNIQUE CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{8,80}$')
);
CREATE INDEX shelter_event_shelter_idx ON shelter_event (shelter_id, id);

CREATE TRIGGER shelter_event_notify AFTER INSERT ON shelter_event
    FOR EACH ROW EXECUTE FUNCTION notify_live_event();

-- The shelter tiles carry open / occupancy / level: a shelter event redraws the shelter's tiles.
CREATE FUNCTION notify_shelter_event_map_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    SELECT ST_Extent(s.geom) INTO box FROM shelter s WHERE s.id IN (SELECT shelter_id FROM new_rows);
    IF box IS NOT NULL THEN
        PERFORM pg_notify('map_change', format('shelters %s %s %s %s',
            ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER shelter_event_map_change AFTER INSERT ON shelter_event
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_shelter_event_map_change();

-- Safety checks are drawn per cell by status for the operations roles: a new or changed check
-- redraws the cells of the homes concerned ("checks <extent>").
CREATE FUNCTION notify_safety_check_map_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    SELECT ST_Extent(hh.geom) INTO box
    FROM new_rows n JOIN resident r ON r.id = n.resident_id JOIN household hh ON hh.id = r.household_id;
    IF box IS NOT NULL THEN
        PERFORM pg_notify('map_change', format('checks %s %s %s %s',
            ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER safety_check_insert_map_change AFTER INSERT ON safety_check
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_safety_check_map_change();
CREATE TRIGGER safety_check_update_map_change AFTER UPDATE ON safety_check
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_safety_check_map_change();

-- The check-status tiles join a home's residents to their checks.
CREATE INDEX safety_check_resident_idx ON safety_check (resident_id);
