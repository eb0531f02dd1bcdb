package io.mimamori.server.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.server.routing.RoadGraphService;

/** The routing endpoints' door: the router once the road graph is ready, else 503 saying why. */
final class RoutingGate {

  private RoutingGate() {}

  static HazardAwareRouter router(Context ctx, RoadGraphService graphs) {
    return graphs.router().orElseThrow(() -> {
      RoadGraphService.Status s = graphs.status();
      if (s.state() == RoadGraphService.State.LOADING) {
        ctx.header("Retry-After", "5");
      }
      return new HttpResponseException(503, s.message());
    });
  }
}
