/**
 * The demo town generator: a whole plausible Japanese coastal city from one seed.
 *
 * <p>The pipeline, each step its own class:
 *
 * <ol>
 *   <li>{@link io.mimamori.data.demo.TownFrame}: the lon/lat box (Numazu's, grown around real
 *       shelters, scaled in area) and a local plane in metres.
 *   <li>{@code TownGeography}: coast, sea, land, the Kano river and two smaller rivers, elevation.
 *   <li>{@code RoadNetworkBuilder} → {@code RoadNetwork} → {@code OsmXmlWriter}: roads, bridges,
 *       rivers and coastline as {@code town.osm} for GraphHopper's OSM import; {@code HomeSampler}
 *       for where homes stand.
 *   <li>{@code DistrictPlanner}: 10-30 named districts covering the land.
 *   <li>{@code HazardGenerator}: flood, tsunami and landslide zones (real ones kept); {@code
 *       LandslideZones} draws the landslide ones as strips along hillsides and fans below them.
 *   <li>{@code ShelterPlanner} and {@code ChildWelfareShelters}: shelters of every kind.
 *   <li>{@code RegisterGenerator}, {@code ResidentFactory}, {@code PlanMaker}: households, residents,
 *       supporters, plans and consent, one household at a time.
 *   <li>{@code DemoTownLoader}: everything into PostGIS in one transaction through the stores of
 *       {@code layers} (the register through {@code RegisterBulkWriter}'s COPY).
 * </ol>
 *
 * The entry points are {@link io.mimamori.data.demo.DemoTownGenerator#generateAndLoad} and
 * {@link io.mimamori.data.demo.DemoTown#isLoaded}. {@code TownPreview} (tests) draws the town to a PNG.
 */
package io.mimamori.data.demo;
