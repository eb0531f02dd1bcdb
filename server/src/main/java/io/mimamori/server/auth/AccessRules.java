package io.mimamori.server.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.mimamori.layers.account.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which endpoint: one row per method and path pattern, enforced before every matched
 * endpoint. An endpoint without a row is refused (deny by default), and a test fails the build
 * when a registered endpoint has no row. Field-level rules for personal data live with the data
 * (the register routes choose the fields a role may read).
 */
public final class AccessRules {

  /** Anyone; the answer holds no personal data. */
  public static final Set<Role> PUBLIC = Set.of();
  /** Any signed-in account. */
  public static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
  /** The register's personal data for planning. */
  public static final Set<Role> REGISTER_READERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.PLANNER);

  private static final Map<String, Set<Role>> TABLE = new LinkedHashMap<>();

  static {
    for (String path : new String[] {"/health", "/version", "/api/config", "/api/town", "/api/shelters", "/api/hazards",
        "/tiles/{layer}/{z}/{x}/{tile}", "/tiles/{tilejson}", "/ogc", "/ogc/conformance",
        "/ogc/collections", "/ogc/collections/{collection}", "/ogc/collections/{collection}/items",
        "/ogc/collections/{collection}/items/{id}"}) {
      TABLE.put("GET " + path, PUBLIC);
    }
    TABLE.put("POST /api/login", PUBLIC);
    TABLE.put("GET /api/me", SIGNED_IN);
    TABLE.put("POST /api/logout", SIGNED_IN);
    TABLE.put("POST /api/logout-everywhere", SIGNED_IN);
    TABLE.put("GET /api/residents", REGISTER_READERS);
    TABLE.put("GET /api/residents.csv", REGISTER_READERS);
    TABLE.put("GET /api/residents.geojson", REGISTER_READERS);
    TABLE.put("GET /api/residents/{id}", REGISTER_READERS);
  }

  private AccessRules() {}

  /** The roles allowed on an endpoint (empty set: public), or empty when the endpoint has no rule. */
  public static Optional<Set<Role>> find(HandlerType method, String pathPattern) {
    return Optional.ofNullable(TABLE.get(method.name() + " " + pathPattern));
  }

  public static Map<String, Set<Role>> table() {
    return Map.copyOf(TABLE);
  }

  /** Refuses the request unless the rule for the matched endpoint lets the caller in. */
  public static void enforce(Context ctx) {
    if (ctx.method() == HandlerType.HEAD || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    Set<Role> allowed = find(ctx.method(), ctx.endpointHandlerPath())
        .orElseThrow(() -> new ForbiddenResponse("No access rule for this endpoint: refused by default."));
    if (allowed.isEmpty()) {
      return;
    }
    Principal p = AuthRoutes.require(ctx);
    if (p.account().roles().stream().noneMatch(g -> allowed.contains(g.role()))) {
      throw new ForbiddenResponse("Your role may not use " + ctx.method().name() + " " + ctx.endpointHandlerPath() + ".");
    }
  }
}
