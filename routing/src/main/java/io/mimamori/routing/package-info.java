/**
 * Routing: the road network and everything computed on it, with no database and no HTTP.
 *
 * <ol>
 *   <li>{@link io.mimamori.routing.graph.RoadGraph}: an OSM file read by GraphHopper 11 with the
 *       profiles of {@link io.mimamori.routing.TravelProfile} (foot, wheelchair, car), cached on disk
 *       per file content, with flat arrays of each profile's costs for fast searches.
 *   <li>{@link io.mimamori.routing.hazard.ActiveHazards}: the hazard areas of the moment laid over
 *       the graph (which road segments they block, which zones they form).
 *   <li>{@link io.mimamori.routing.HazardAwareRouter}: routes and many-to-many travel-time matrices
 *       with the active hazards ({@code search} holds the searches themselves).
 *   <li>{@code shelter}: the best shelters per resident ({@link
 *       io.mimamori.routing.shelter.DestinationFinder}) and the welfare shelter pre-assignment
 *       ({@link io.mimamori.routing.shelter.PreAssigner}), in plain records of their own, explained
 *       in English and Japanese.
 * </ol>
 *
 * Points are {@link io.mimamori.routing.GeoPoint} (lon/lat); hazard polygons are JTS geometries in
 * lon/lat. The route optimiser ({@code optimiser}) consumes the matrices.
 */
package io.mimamori.routing;
