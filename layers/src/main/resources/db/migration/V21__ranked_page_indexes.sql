-- Ranked pages that combine a district with a rare filter (issue 3): a district planner asking for
-- the homes in a flood zone, or the plans whose supporter is exposed, in a district where a few dozen
-- of 77,000 people match. Read in score order through the district index, such a page scanned the
-- whole district to find 50 matches (1.3 s at 1,000,000 residents); the planner cannot foresee it,
-- since districts and hazard zones are correlated on the ground.
--
-- One ordered index per scored hazard, holding only the homes in its zones: the page reads its 50
-- rows in order from the first entries. The scored table of each profile builds the same indexes
-- (PriorityStore.PARTITION_INDEXES) so that attaching it adopts them.
CREATE INDEX resident_priority_flood_rank_idx ON resident_priority (profile, district_id, score DESC, resident_id)
    WHERE hazard_types @> '{flood}';
CREATE INDEX resident_priority_tsunami_rank_idx ON resident_priority (profile, district_id, score DESC, resident_id)
    WHERE hazard_types @> '{tsunami}';
CREATE INDEX resident_priority_landslide_rank_idx ON resident_priority (profile, district_id, score DESC, resident_id)
    WHERE hazard_types @> '{landslide}';

-- A failed check probed per ranked row is answered from the index alone; it also serves every
-- lookup by check that the index on check_key alone served.
CREATE INDEX plan_check_failure_check_resident_idx ON plan_check_failure (check_key, resident_id);
DROP INDEX plan_check_failure_check_idx;

