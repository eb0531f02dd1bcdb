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
