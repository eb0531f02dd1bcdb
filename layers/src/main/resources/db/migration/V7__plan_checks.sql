-- Plan checks (issue 3): every failed check of every plan, refreshed in one pass. 'detail' holds
-- codes only (a hazard type, a count), never personal data.
CREATE TABLE plan_check_failure (
    plan_id      bigint NOT NULL REFERENCES evacuation_plan (id) ON DELETE CASCADE,
    resident_id  bigint NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
    check_key    text NOT NULL,
    detail       text,
    computed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, check_key, detail)
);
CREATE INDEX plan_check_failure_resident_idx ON plan_check_failure (resident_id);
CREATE INDEX plan_check_failure_check_idx ON plan_check_failure (check_key);
