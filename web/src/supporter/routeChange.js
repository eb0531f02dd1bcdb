// What changed between the route the phone had and a newly received one, for the notice the
// supporter sees: stops added, stops taken away (which they must not visit any more), and whether
// the visiting order of the stops both have changed. Pure.

/**
 * Null when nothing the supporter must notice changed (no earlier route, or the same emergency
 * and revision); otherwise `{revision, added, removed, reordered}` with the added and removed
 * stops as they were in their route.
 */
export function routeChange(before, after) {
  if (!before || !after) {
    return null;
  }
  if (before.emergency.id === after.emergency.id && before.revision === after.revision) {
    return null;
  }
  const oldIds = before.stops.map((s) => s.check_id);
  const newIds = after.stops.map((s) => s.check_id);
  const added = after.stops.filter((s) => !oldIds.includes(s.check_id));
  const removed = before.stops.filter((s) => !newIds.includes(s.check_id));
  const keptOld = oldIds.filter((id) => newIds.includes(id));
  const keptNew = newIds.filter((id) => oldIds.includes(id));
  const reordered = keptOld.some((id, i) => keptNew[i] !== id);
  return { revision: after.revision, added, removed, reordered };
}
