-- Scores are derived data, replaced whole per profile. Each profile's scores live in a partition of
-- their own; a new scoring pass fills a fresh table without indexes, builds the indexes in bulk and
-- swaps it in for the old partition in one short transaction (readers see the old list or the new,
-- never a half-written one, and no dead rows are left behind).
DROP TABLE resident_priority;

CREATE TABLE resident_priority (
    profile          text NOT NULL,
    profile_version  integer NOT NULL,
    resident_id      bigint NOT NULL,
    score            integer NOT NULL,
    band             text NOT NULL CHECK (band IN ('A', 'B', 'C', 'D')),
    factors          jsonb NOT NULL,
    home_hazards     jsonb NOT NULL,
    computed_at      timestamptz NOT NULL DEFAULT now(),
    district_id      integer,
    plan_status      text,
    hazard_types     text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (profile, resident_id)
) PARTITION BY LIST (profile);

CREATE INDEX resident_priority_rank_idx ON resident_priority (profile, score DESC, resident_id);
CREATE INDEX resident_priority_band_idx ON resident_priority (profile, band);
CREATE INDEX resident_priority_factors_idx ON resident_priority USING gin (factors jsonb_path_ops);
CREATE INDEX resident_priority_hazard_types_idx ON resident_priority USING gin (hazard_types);
CREATE INDEX resident_priority_district_idx ON resident_priority (profile, district_id, score DESC, resident_id);
