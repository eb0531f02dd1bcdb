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
 * when a registered endpoint has no row. Which residents and which of their fields an admitted
 * caller receives is the disclosure policy's ({@link Disclosures}): this table only opens the door.
 */
public final class AccessRules {

  /** Anyone; the answer holds no personal data. */
  public static final Set<Role> PUBLIC = Set.of();
  /** Any signed-in account. */
  public static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
  /** The register's personal data for planning. */
  public static final Set<Role> REGISTER_READERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.PLANNER);

  /** Who changes the register, the plans, consent and supporters (a district grant: that district only). */
  public static final Set<Role> REGISTER_WRITERS = EnumSet.of(Role.ADMIN, Role.PLANNER);

  /** Who declares and ends emergencies. */
  public static final Set<Role> COMMAND = EnumSet.of(Role.ADMIN, Role.HQ);
  /** Who runs the safety checks and watches them live. */
  public static final Set<Role> OPERATIONS = EnumSet.of(Role.ADMIN, Role.HQ, Role.DISPATCHER);
  /** Who runs shelters during an emergency (shelter staff at their own shelters, checked by the route). */
  public static final Set<Role> SHELTER_OPERATORS = EnumSet.of(Role.ADMIN, Role.HQ, Role.SHELTER_STAFF);
  /** Who reads how full the shelters are. */
  public static final Set<Role> SHELTER_READERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.DISPATCHER, Role.SHELTER_STAFF);

  /** Who reports a check's status (a supporter only on checks assigned to them, checked by the route). */
  public static final Set<Role> REPORTERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.DISPATCHER, Role.SUPPORTER);
  /** Who watches the safety checks live: operations, and supporters (their own people only, by the disclosure policy). */
  public static final Set<Role> LIVE_WATCHERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.DISPATCHER, Role.SUPPORTER);
  /** A supporter's own people (the disclosure policy decides whom and which fields). */
  public static final Set<Role> SUPPORTERS = EnumSet.of(Role.SUPPORTER);

  /** The supporter's phone: their own route only (the route reads the caller's supporter). */
  public static final Set<Role> FIELD = EnumSet.of(Role.SUPPORTER);

  private static final Map<String, Set<Role>> TABLE = new LinkedHashMap<>();

  /**
   * Endpoint and role pairs that the table admits but whose route refuses unless a condition on the
   * record holds (a supporter reports only on checks assigned to them). Beyond these, every
   * endpoint that sends residents answers 403 for a resident the disclosure policy hides, and the
   * public tile endpoint's {@code residents} layer needs a signed-in role that sees homes.
   */
  private static final Map<String, Set<Role>> CONDITIONAL = new LinkedHashMap<>();

  static {
    CONDITIONAL.put("POST /api/checks/{id}/status", EnumSet.of(Role.SUPPORTER));
    CONDITIONAL.put("POST /api/checks/{id}/photos", EnumSet.of(Role.SUPPORTER));
    // shelter staff whose grant names a shelter act only there
    for (String shelterEndpoint : new String[] {"POST /api/shelters/{id}/open", "POST /api/shelters/{id}/close",
        "POST /api/shelters/{id}/check-ins", "GET /api/shelters/{id}/stays", "POST /api/stays/{id}/check-out",
        "POST /api/transfers", "GET /api/transfers", "POST /api/transfers/{id}/accept", "POST /api/transfers/{id}/refuse",
        "POST /api/transfers/{id}/moved"}) {
      CONDITIONAL.put(shelterEndpoint, EnumSet.of(Role.SHELTER_STAFF));
    }
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
    TABLE.put("GET /api/residents/{id}/history", REGISTER_READERS);
    TABLE.put("PATCH /api/residents/{id}", REGISTER_WRITERS);
    TABLE.put("PATCH /api/households/{id}", REGISTER_WRITERS);
    TABLE.put("PATCH /api/residents/{id}/plan", REGISTER_WRITERS);
    TABLE.put("POST /api/residents/{id}/consent", REGISTER_WRITERS);
    TABLE.put("GET /api/supporters", REGISTER_WRITERS);
    TABLE.put("POST /api/supporters", REGISTER_WRITERS);
    TABLE.put("PATCH /api/supporters/{id}", REGISTER_WRITERS);
    TABLE.put("POST /api/emergencies", COMMAND);
    TABLE.put("POST /api/emergencies/{id}/end", COMMAND);
    TABLE.put("GET /api/emergencies", SIGNED_IN);
    TABLE.put("GET /api/emergencies/{id}/counts", OPERATIONS);
    TABLE.put("POST /api/checks/{id}/status", REPORTERS);
    TABLE.put("GET /api/events", LIVE_WATCHERS);
    TABLE.put("GET /api/my/residents", SUPPORTERS);
    TABLE.put("GET /api/emergencies/{id}/disclosures", COMMAND);
    TABLE.put("GET /api/routing/status", PUBLIC);
    TABLE.put("GET /api/route", SIGNED_IN);
    TABLE.put("GET /api/residents/{id}/destinations", REGISTER_READERS);
    TABLE.put("POST /api/preassignments", REGISTER_READERS);
    TABLE.put("GET /api/preassignments/{id}", REGISTER_READERS);
    TABLE.put("POST /api/preassignments/{id}/cancel", REGISTER_READERS);
    TABLE.put("GET /api/emergencies/{id}/supporters", OPERATIONS);
    TABLE.put("POST /api/optimisations", OPERATIONS);
    TABLE.put("GET /api/optimisations", OPERATIONS);
    TABLE.put("GET /api/optimisations/{id}", OPERATIONS);
    TABLE.put("POST /api/optimisations/{id}/stop", OPERATIONS);
    TABLE.put("POST /api/optimisations/{id}/moves", OPERATIONS);
    TABLE.put("POST /api/optimisations/{id}/replan", OPERATIONS);
    TABLE.put("POST /api/optimisations/{id}/publish", OPERATIONS);
    TABLE.put("GET /tiles/live/{layer}/{z}/{x}/{tile}", OPERATIONS);
    TABLE.put("GET /api/situation", OPERATIONS);
    TABLE.put("GET /api/emergencies/{id}/escalations", OPERATIONS);
    TABLE.put("GET /api/shelters/status", SHELTER_READERS);
    TABLE.put("GET /api/shelters/{id}/status", SHELTER_READERS);
    TABLE.put("POST /api/shelters/{id}/open", SHELTER_OPERATORS);
    TABLE.put("POST /api/shelters/{id}/close", SHELTER_OPERATORS);
    TABLE.put("POST /api/shelters/{id}/check-ins", SHELTER_OPERATORS);
    TABLE.put("GET /api/shelters/{id}/stays", SHELTER_OPERATORS);
    TABLE.put("POST /api/stays/{id}/check-out", SHELTER_OPERATORS);
    TABLE.put("POST /api/transfers", SHELTER_OPERATORS);
    TABLE.put("GET /api/transfers", SHELTER_OPERATORS);
    TABLE.put("POST /api/transfers/{id}/accept", SHELTER_OPERATORS);
    TABLE.put("POST /api/transfers/{id}/refuse", SHELTER_OPERATORS);
    TABLE.put("POST /api/transfers/{id}/moved", SHELTER_OPERATORS);
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
