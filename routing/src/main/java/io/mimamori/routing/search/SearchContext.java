package io.mimamori.routing.search;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.RouterSettings;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.graph.RoadNetwork;
import io.mimamori.routing.hazard.ActiveHazards;

/** What one search works with: the graph, one profile's costs, one set of hazards, the settings. */
final class SearchContext {

  final RoadGraph graph;
  final RoadNetwork net;
  final TravelProfile profile;
  final ProfileCosts costs;
  final ActiveHazards hazards;
  final int[] combos;
  final RouterSettings settings;

  SearchContext(RoadGraph graph, TravelProfile profile, ActiveHazards hazards, RouterSettings settings) {
    this.graph = graph;
    this.net = graph.network();
    this.profile = profile;
    this.costs = graph.costs(profile);
    this.hazards = hazards;
    this.combos = hazards.edgeCombos();
    this.settings = settings;
  }

  Endpoint snap(GeoPoint p) {
    return Endpoint.snap(graph, costs, hazards, p, settings.maxSnapMetres(), settings.exposureFactor());
  }
}
