-- Map changes are announced on the channel 'map_change' with the layer and the changed extent
-- (old and new geometries together), once per statement. Every server instance listens and
-- clears exactly the cached tiles that the extent touches, so the HQ sees a change within a second
-- of it being stored, whichever instance stored it.

CREATE FUNCTION notify_map_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(geom) INTO box FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(geom) INTO box FROM old_rows;
    ELSE
        SELECT ST_Extent(geom) INTO box FROM (SELECT geom FROM new_rows UNION ALL SELECT geom FROM old_rows) AS changed;
    END IF;
    IF box IS NOT NULL THEN
        -- payload: "<layer> <minLon> <minLat> <maxLon> <maxLat>"
        PERFORM pg_notify('map_change', format('%s %s %s %s %s',
            TG_ARGV[0], ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER shelter_insert_notify AFTER INSERT ON shelter
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('shelters');
CREATE TRIGGER shelter_update_notify AFTER UPDATE ON shelter
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('shelters');
CREATE TRIGGER shelter_delete_notify AFTER DELETE ON shelter
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('shelters');

CREATE TRIGGER hazard_zone_insert_notify AFTER INSERT ON hazard_zone
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('hazards');
CREATE TRIGGER hazard_zone_update_notify AFTER UPDATE ON hazard_zone
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('hazards');
CREATE TRIGGER hazard_zone_delete_notify AFTER DELETE ON hazard_zone
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('hazards');

-- Households carry the residents' home points: the resident density layer depends on them.
CREATE TRIGGER household_insert_notify AFTER INSERT ON household
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('residents');
CREATE TRIGGER household_update_notify AFTER UPDATE ON household
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('residents');
CREATE TRIGGER household_delete_notify AFTER DELETE ON household
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_map_change('residents');
