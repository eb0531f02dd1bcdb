-- Emergency operations (issue 8): HQ declares an emergency for an area and hazards; the residents
-- living there get a safety check each, ordered by priority; every status report is an event kept
-- for ever (the HQ screens replay them after a dropped connection) and announced on 'live_event'.

CREATE TABLE emergency (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code text NOT NULL,
    level             text NOT NULL CHECK (level IN
                          ('elderly_evacuation',    -- 高齢者等避難 (level 3)
                           'evacuation_order',      -- 避難指示 (level 4)
                           'emergency_safety')),    -- 緊急安全確保 (level 5)
    hazard_types      text[] NOT NULL CHECK (cardinality(hazard_types) > 0),
    area              geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(area)),
    reason            text NOT NULL,
    declared_by       bigint NOT NULL REFERENCES app_user (id),
    declared_at       timestamptz NOT NULL DEFAULT now(),
    ended_by          bigint REFERENCES app_user (id),
    ended_at          timestamptz,
    end_reason        text,
    CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX emergency_area_idx ON emergency USING gist (area);
CREATE INDEX emergency_active_idx ON emergency (municipality_code) WHERE ended_at IS NULL;

CREATE TABLE safety_check (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    emergency_id          bigint NOT NULL REFERENCES emergency (id),
    resident_id           bigint NOT NULL REFERENCES resident (id),
    priority_score        integer NOT NULL DEFAULT 0,
    status                text NOT NULL DEFAULT 'not_assigned' CHECK (status IN
                              ('not_assigned', 'assigned', 'on_the_way', 'safe_at_home', 'evacuated',
                               'needs_help', 'not_at_home', 'could_not_reach')),
    assigned_supporter_id bigint REFERENCES supporter (id),
    evacuated_to_shelter_id bigint REFERENCES shelter (id),
    escalated             boolean NOT NULL DEFAULT false,
    version               integer NOT NULL DEFAULT 0,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (emergency_id, resident_id)
);
CREATE INDEX safety_check_status_idx ON safety_check (emergency_id, status);
CREATE INDEX safety_check_supporter_idx ON safety_check (assigned_supporter_id);

CREATE TABLE safety_check_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    safety_check_id   bigint NOT NULL REFERENCES safety_check (id),
    emergency_id      bigint NOT NULL REFERENCES emergency (id),
    status            text NOT NULL,
    note              text,
    shelter_id        bigint REFERENCES shelter (id),
    reported_by       bigint REFERENCES app_user (id),
    reported_at       timestamptz NOT NULL DEFAULT now(),
    client_time       timestamptz,
    idempotency_key   text UNIQUE CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{8,80}$'),
    escalated         boolean NOT NULL DEFAULT false
);
CREATE INDEX safety_check_event_emergency_idx ON safety_check_event (emergency_id, id);

CREATE FUNCTION notify_live_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('live_event', NEW.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER safety_check_event_notify AFTER INSERT ON safety_check_event
    FOR EACH ROW EXECUTE FUNCTION notify_live_event();
