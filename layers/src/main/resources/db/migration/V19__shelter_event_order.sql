-- Shelter events draw their ids from the safety-check events' sequence (V15), so that one
-- Last-Event-ID orders both on the HQ screens. V17 made every statement adding safety-check events
-- hold the event sequence's advisory lock, shared, from before its ids are drawn to its commit;
-- shelter events must hold it too, or a reader could take a shelter event's id, not yet committed,
-- for a rolled-back one and skip it (EventSequence.horizon).
CREATE TRIGGER shelter_event_writer BEFORE INSERT ON shelter_event
    FOR EACH STATEMENT EXECUTE FUNCTION safety_check_event_writer();
