-- Routes the dispatcher publishes to supporters during an emergency (issues 6 and 8). Each publish
-- adds a revision per (emergency, supporter); the newest revision is the route the phone shows.
-- Publishing assigns the route's checks to the supporter and releases checks dropped from it.

CREATE TABLE published_route (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    emergency_id   bigint NOT NULL REFERENCES emergency (id),
    supporter_id   bigint NOT NULL REFERENCES supporter (id),
    revision       integer NOT NULL CHECK (revision > 0),
    travel_profile text NOT NULL CHECK (travel_profile IN ('foot', 'wheelchair', 'car')),
    geom           geometry(LineString, 4326),
    published_by   bigint NOT NULL REFERENCES app_user (id),
    published_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (emergency_id, supporter_id, revision)
);
CREATE INDEX published_route_supporter_idx ON published_route (supporter_id, emergency_id, revision DESC);

CREATE TABLE published_stop (
    route_id        bigint NOT NULL REFERENCES published_route (id) ON DELETE CASCADE,
    seq             integer NOT NULL CHECK (seq > 0),
    safety_check_id bigint NOT NULL REFERENCES safety_check (id),
    planned_arrival timestamptz,
    PRIMARY KEY (route_id, seq),
    UNIQUE (route_id, safety_check_id)
);
CREATE INDEX published_stop_check_idx ON published_stop (safety_check_id);
