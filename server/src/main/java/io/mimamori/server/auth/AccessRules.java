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

  /** Who declares and ends emergencies. */
  public static final Set<Role> COMMAND = EnumSet.of(Role.ADMIN, Role.HQ);
  /** Who runs the safety checks and watches them live. */
  public static final Set<Role> OPERATIONS = EnumSet.of(Role.ADMIN, Role.HQ, Role.DISPATCHER);
  /** Who reports a check's status (a supporter only on checks assigned to them, checked by the route). */
  public static final Set<Role> REPORTERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.DISPATCHER, Role.SUPPORTER);

  /** The supporter's phone: their own route only (the route reads the caller's supporter). */
  public static final Set<Role> FIELD = EnumSet.of(Role.SUPPORTER);

  private static final Map<String, Set<Role>> TABLE = new LinkedHashMap<>();

  /**
   * Endpoint and role pairs that the table admits but whose route refuses unless a condition on the
   * record holds (a supporter reports only on checks assigned to them).
   */
  private static final Map<String, Set<Role>> CONDITIONAL =
      Map.of("POST /api/checks/{id}/status", EnumSet.of(Role.SUPPORTER),
          "POST /api/checks/{id}/photos", EnumSet.of(Role.SUPPORTER));

  static {
    for (String path : new String[] {"/health", "/version", "/api/config", "/api/town", "/api/shelters", "/api/hazards",
        "/api/districts", "/tiles/{layer}/{z}/{x}/{tile}", "/tiles/{tilejson}", "/ogc", "/ogc/conformance",
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
    TABLE.put("POST /api/emergencies", COMMAND);
    TABLE.put("POST /api/emergencies/{id}/end", COMMAND);
    TABLE.put("GET /api/emergencies", SIGNED_IN);
    TABLE.put("GET /api/emergencies/{id}/counts", OPERATIONS);
    TABLE.put("POST /api/checks/{id}/status", REPORTERS);
    TABLE.put("GET /api/events", OPERATIONS);
    TABLE.put("GET /api/my/route", FIELD);
    TABLE.put("POST /api/checks/{id}/photos", REPORTERS);
    TABLE.put("GET /api/checks/{id}/photos", OPERATIONS);
    TABLE.put("GET /api/photos/{id}", OPERATIONS);
  }

  private AccessRules() {}

  /** The roles allowed on an endpoint (empty set: public), or empty when the endpoint has no rule. */
  public static Optional<Set<Role>> find(HandlerType method, String pathPattern) {
    return Optional.ofNullable(TABLE.get(method.name() + " " + pathPattern));
  }

  /** Whether the route admits {@code role} only under a condition on the record it touches. */
  public static boolean conditional(String endpoint, Role role) {
    return CONDITIONAL.getOrDefault(endpoint, Set.of()).contains(role);
  }

  public static Map<String, Set<Role>> table() {
    return Map.copyOf(TABLE);
  }

  /**
   * Refuses the request unless the rule for the matched endpoint lets the caller in. Requests that
   * match no registered endpoint are the web UI's static files (pages, scripts, styles: no data),
   * which Javalin also passes through here; they are let through.
   */
  public static void enforce(Context ctx, java.util.Collection<String> registeredEndpoints) {
    if (ctx.method() == HandlerType.HEAD || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String endpoint;
    try {
      endpoint = ctx.method().name() + " " + ctx.endpointHandlerPath();
    } catch (IllegalStateException noEndpoint) {
      return;
    }
    if (!registeredEndpoints.contains(endpoint)) {
      return;
    }
    Set<Role> allowed = Optional.ofNullable(TABLE.get(endpoint))
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
