-- Routing blocks roads by the hazard zones of the active emergencies (issue 5). Every server
-- instance keeps its road graph's blocked set in memory, so declaring or ending an emergency is
-- announced on 'map_change' like a change of hazard zones: "emergencies <minLon> <minLat> <maxLon>
-- <maxLat>" (the area's extent), once per statement, whichever instance stored it.

CREATE FUNCTION notify_emergency_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    SELECT ST_Extent(area) INTO box FROM changed_rows;
    IF box IS NOT NULL THEN
        PERFORM pg_notify('map_change', format('emergencies %s %s %s %s',
            ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER emergency_insert_notify AFTER INSERT ON emergency
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_emergency_change();
CREATE TRIGGER emergency_update_notify AFTER UPDATE ON emergency
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_emergency_change();

-- V13 left published_route.geom without the GiST index every geometry column has (SchemaIT checks
-- it); routing adds it here. IF NOT EXISTS: a fix under the same name elsewhere makes this a no-op.
CREATE INDEX IF NOT EXISTS published_route_geom_idx ON published_route USING gist (geom);
