-- The planner's ranked list filters by district, hazard type, factor and plan status: the scoring
-- pass copies those into resident_priority so a filtered page is an index walk in score order.
ALTER TABLE resident_priority
    ADD COLUMN district_id  integer,
    ADD COLUMN plan_status  text,
    ADD COLUMN hazard_types text[] NOT NULL DEFAULT '{}';
CREATE INDEX resident_priority_factors_idx ON resident_priority USING gin (factors jsonb_path_ops);
CREATE INDEX resident_priority_hazard_types_idx ON resident_priority USING gin (hazard_types);
CREATE INDEX resident_priority_district_idx ON resident_priority (profile, district_id, score DESC, resident_id);
