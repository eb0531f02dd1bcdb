-- Explainable priority (issue 3). Hazard zones are kept subdivided (at most 128 vertices a part) so
-- that a point-in-zone join over a whole register is a short GiST probe per home; the parts follow
-- their zone through triggers. Scores are stored per profile with the factors that made them.

CREATE TABLE hazard_zone_part (
    zone_id     bigint NOT NULL REFERENCES hazard_zone (id) ON DELETE CASCADE,
    hazard_type text NOT NULL,
    rank        smallint NOT NULL,
    geom        geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX hazard_zone_part_geom_idx ON hazard_zone_part USING gist (geom);
CREATE INDEX hazard_zone_part_zone_idx ON hazard_zone_part (zone_id);

CREATE FUNCTION hazard_zone_subdivide() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM hazard_zone_part WHERE zone_id = OLD.id;
    END IF;
    INSERT INTO hazard_zone_part (zone_id, hazard_type, rank, geom)
    SELECT NEW.id, NEW.hazard_type, NEW.rank, d.geom
    FROM ST_Subdivide(NEW.geom, 128) AS p(g), ST_Dump(p.g) AS d
    WHERE GeometryType(d.geom) = 'POLYGON';
    RETURN NULL;
END $$;

CREATE TRIGGER hazard_zone_subdivide_insert AFTER INSERT ON hazard_zone
    FOR EACH ROW EXECUTE FUNCTION hazard_zone_subdivide();
CREATE TRIGGER hazard_zone_subdivide_update AFTER UPDATE OF geom, hazard_type, rank ON hazard_zone
    FOR EACH ROW EXECUTE FUNCTION hazard_zone_subdivide();

INSERT INTO hazard_zone_part (zone_id, hazard_type, rank, geom)
SELECT z.id, z.hazard_type, z.rank, d.geom
FROM hazard_zone z, ST_Subdivide(z.geom, 128) AS p(g), ST_Dump(p.g) AS d
WHERE GeometryType(d.geom) = 'POLYGON';

CREATE TABLE resident_priority (
    profile          text NOT NULL,
    profile_version  integer NOT NULL,
    resident_id      bigint NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
    score            integer NOT NULL,
    band             text NOT NULL CHECK (band IN ('A', 'B', 'C', 'D')),
    factors          jsonb NOT NULL,   -- [{"factor": key, "points": n}, ...], largest first
    home_hazards     jsonb NOT NULL,   -- {"flood": rank, "tsunami": rank, "landslide": rank}, present ones only
    computed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (profile, resident_id)
);
CREATE INDEX resident_priority_rank_idx ON resident_priority (profile, score DESC, resident_id);
CREATE INDEX resident_priority_band_idx ON resident_priority (profile, band);
