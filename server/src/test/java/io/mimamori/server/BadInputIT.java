package io.mimamori.server;

import static io.mimamori.layers.testing.DisclosureTown.CONSENTED;
import static io.mimamori.layers.testing.DisclosureTown.NEIGHBOUR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.testing.DisclosureTown;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every registered endpoint, as an account holding every role so that no access rule
 * stops it first: SQL and script injection, NUL bytes, huge numbers and long strings in every path
 * parameter, query parameter and string field of a JSON body; malformed and oversized bodies;
 * coordinates, zooms and tile numbers out of range. Never a 5xx; every 4xx says in JSON what is
 * wrong; out-of-range values are a 400 that names the parameter; injected text is stored and
 * returned as data, never run.
 */
class BadInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "bad input passphrase";

  /** What an attacker or a broken client sends, in every string place. */
  static final List<String> INJECTIONS = List.of(
      "' OR '1'='1", "1; DROP TABLE resident; --", "\" OR \"\"=\"", "<script>alert('x')</script>",
      "\"><img src=x onerror=alert(1)>", "../../../../etc/passwd", "\u0000", "a\u0000b", "-1", "0",
      "99999999999999999999", "1e309", "NaN", "Infinity", "１２３", "\uD83D\uDCA5", "\r\nSet-Cookie: x=y",
      "%27%20OR%201=1", "A".repeat(5_000));

  /** The query parameters each endpoint reads. */
  private static final Map<String, List<String>> PARAMETERS = Map.of(
      "/api/shelters", List.of("bbox"),
      "/api/hazards", List.of("bbox", "zoom"),
      "/api/residents", List.of("profile", "district", "hazard", "factor", "plan_status", "band", "check", "limit",
          "after_score", "after_id"),
      "/api/residents.csv", List.of("profile", "district", "hazard", "factor", "plan_status", "band", "check"),
      "/api/residents.geojson", List.of("profile", "district", "hazard", "factor", "plan_status", "band", "check"),
      "/api/residents/{id}", List.of("profile"),
      "/api/emergencies", List.of("all"),
      "/api/events", List.of("after"),
      "/ogc/collections/{collection}/items", List.of("bbox", "limit", "offset"));

  private static TestServer server;
  private static Api api;
  private static Api.Session all;
  private static DisclosureTown town;
  private static long emergency;
  private static long check;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("bad_input");
    api = new Api(server);
    var ds = server.database().dataSource();
    town = DisclosureTown.create(ds);
    List<RoleGrant> grants = new ArrayList<>();
    for (Role r : Role.values()) {
      grants.add(new RoleGrant(r, null, r == Role.SUPPORTER ? town.supporter(NEIGHBOUR) : null));
    }
    new AccountStore(ds).create("bad.all", "全役割", new PasswordHasher().hash(PASSWORD.toCharArray()), "222038", grants);
    all = api.login("bad.all", PASSWORD);
    HttpResponse<String> declared = api.post("/api/emergencies", all, emergencyBody().toString());
    assertThat(declared.statusCode()).isEqualTo(201);
    emergency = JSON.readTree(declared.body()).get("id").asLong();
    check = town.checkOf(ds, emergency, CONSENTED);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void injectionsInEveryPathAndQueryParameterAreRefusedOrTakenAsData() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String endpoint : server.app().endpoints()) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      if (pattern.startsWith("/api/logout")) {
        continue; // would end the session the probes use; probed without one below
      }
      for (String value : INJECTIONS) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        // each path parameter in turn
        for (String param : pathParameters(pattern)) {
          String path = withPathParameter(pattern, param, encoded);
          judge(failures, method + " " + pattern + " {" + param + "}=" + value, call(method, path, validBody(pattern)));
        }
        // each query parameter it reads, and one it does not
        List<String> params = new ArrayList<>(PARAMETERS.getOrDefault(pattern, List.of()));
        params.add("unexpected");
        for (String param : params) {
          String path = concrete(pattern) + (concrete(pattern).contains("?") ? "&" : "?") + param + "=" + encoded;
          judge(failures, method + " " + pattern + " ?" + param, call(method, path, validBody(pattern)));
        }
      }
    }
    for (String logout : List.of("/api/logout", "/api/logout-everywhere")) {
      judge(failures, "POST " + logout + " anonymous", api.post(logout, null, "{"));
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void injectionsInEveryStringFieldOfEveryJsonBody() throws Exception {
    List<String> failures = new ArrayList<>();
    Map<String, ObjectNode> bodies = new LinkedHashMap<>();
    bodies.put("/api/login", obj("login", "nobody.here", "password", "not the password at all"));
    bodies.put("/api/emergencies", emergencyBody());
    bodies.put("/api/emergencies/999999/end", obj("reason", "解除"));
    bodies.put("/api/checks/" + check + "/status", obj("status", "on_the_way", "note", "メモ", "shelter_id", town.shelter(),
        "client_time", "2026-11-22T09:00:00Z", "idempotency_key", "probe-key-000"));
    int n = 0;
    for (Map.Entry<String, ObjectNode> e : bodies.entrySet()) {
      for (String field : stringFields(e.getValue(), "")) {
        for (String value : INJECTIONS) {
          ObjectNode body = e.getValue().deepCopy();
          set(body, field, value);
          if (body.has("idempotency_key") && !field.equals("idempotency_key")) {
            body.put("idempotency_key", "probe-key-" + (++n));
          }
          HttpResponse<String> r = api.post(e.getKey(), all, body.toString());
          judge(failures, "POST " + e.getKey() + " ." + field, r);
          if (r.statusCode() / 100 == 2 && e.getKey().equals("/api/emergencies") && field.equals("reason")) {
            // stored as text and read back as the same text: nothing was run
            long id = JSON.readTree(r.body()).get("id").asLong();
            JsonNode listed = JSON.readTree(api.get("/api/emergencies?all=true", all).body());
            listed.forEach(x -> {
              if (x.get("id").asLong() == id && !x.get("reason").asText().equals(value)) {
                failures.add("the reason came back changed: " + x.get("reason").asText());
              }
            });
            api.post("/api/emergencies/" + id + "/end", all, "{\"reason\": \"probe\"}");
          }
        }
        // a number or an object where text belongs, and nothing at all
        for (String odd : List.of("12345", "{\"a\": 1}", "[1, 2]", "null", "true")) {
          ObjectNode body = e.getValue().deepCopy();
          set(body, field, null);
          String text = body.toString().replace("\"" + leaf(field) + "\":null", "\"" + leaf(field) + "\":" + odd);
          judge(failures, "POST " + e.getKey() + " ." + field + "=" + odd, api.post(e.getKey(), all, text));
        }
      }
      // numbers out of range where the body has them
      if (e.getKey().startsWith("/api/checks/")) {
        for (String shelter : List.of("-1", "0", "99999999", "99999999999999999999", "1.5", "\"12\"", "\"abc\"")) {
          ObjectNode body = e.getValue().deepCopy();
          body.put("idempotency_key", "probe-key-" + (++n));
          String text = body.toString().replace("\"shelter_id\":" + town.shelter(), "\"shelter_id\":" + shelter);
          HttpResponse<String> r = api.post(e.getKey(), all, text);
          judge(failures, "POST check status shelter_id=" + shelter, r);
          expect400(failures, "shelter_id=" + shelter, r, "shelter_id");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void malformedAndOversizedBodies() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> malformed = List.of("", "{", "{\"a\":", "[]", "\"text\"", "null", "123", "{\"level\": }", "not json",
        "[".repeat(5_000) + "]".repeat(5_000), "{\"reason\": \"\\u0000\"}");
    String huge = "{\"reason\": \"" + "x".repeat(1_200_000) + "\"}";
    for (String endpoint : server.app().endpoints()) {
      if (!endpoint.startsWith("POST ") || endpoint.contains("/api/logout")) {
        continue;
      }
      String path = concrete(endpoint.substring(5));
      for (String body : malformed) {
        HttpResponse<String> r = api.post(path, all, body);
        judge(failures, endpoint + " body " + body.substring(0, Math.min(20, body.length())), r);
        if (body.isEmpty()) {
          continue; // no body is an empty object: endpoints whose fields all have defaults take it
        }
        // 415: an endpoint that takes no JSON (a photo's bytes) refuses it by its type
        if (r.statusCode() != 400 && r.statusCode() != 404 && r.statusCode() != 403 && r.statusCode() != 415) {
          failures.add(endpoint + " took a malformed body (" + body.substring(0, Math.min(20, body.length())) + "): "
              + r.statusCode());
        }
      }
      HttpResponse<String> big = api.post(path, all, huge);
      judge(failures, endpoint + " oversized", big);
      if (big.statusCode() != 413) {
        failures.add(endpoint + " answered an oversized body with " + big.statusCode());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void coordinatesZoomsAndTileNumbersOutOfRangeAre400NamingTheParameter() throws Exception {
    List<String> failures = new ArrayList<>();
    Map<String, String> cases = new LinkedHashMap<>();
    for (String bbox : List.of("200,0,201,1", "0,-91,1,0", "NaN,0,1,1", "Infinity,0,1,1", "1,2,3", "1,1,0,0", "a,b,c,d",
        "1e400,0,1,1", ",,,")) {
      cases.put("/api/shelters?bbox=" + bbox, "bbox");
      cases.put("/api/hazards?bbox=" + bbox, "bbox");
      cases.put("/ogc/collections/shelters/items?bbox=" + bbox, "bbox");
    }
    for (String zoom : List.of("-1", "25", "99999999999", "abc", "1.5")) {
      cases.put("/api/hazards?bbox=138,35,139,36&zoom=" + zoom, "zoom");
    }
    cases.put("/ogc/collections/shelters/items?limit=0", "limit");
    cases.put("/ogc/collections/shelters/items?limit=100000000", "limit");
    cases.put("/ogc/collections/shelters/items?offset=-1", "offset");
    for (String layer : List.of("shelters", "hazards", "resident_density", "residents")) {
      cases.put("/tiles/" + layer + "/23/0/0.mvt", "z/x/y");
      cases.put("/tiles/" + layer + "/3/8/0.mvt", "z/x/y");
      cases.put("/tiles/" + layer + "/3/0/8.mvt", "z/x/y");
      cases.put("/tiles/" + layer + "/3/-1/0.mvt", "z/x/y");
      cases.put("/tiles/" + layer + "/-1/0/0.mvt", "z/x/y");
      cases.put("/tiles/" + layer + "/99999999999/0/0.mvt", "z");
      cases.put("/tiles/" + layer + "/3/0/0.png", "y");
      cases.put("/tiles/" + layer + "/3/0/x.mvt", "y");
    }
    cases.put("/tiles/nope/3/0/0.mvt", "layer");
    for (String limit : List.of("0", "501", "-5", "abc", "99999999999")) {
      cases.put("/api/residents?limit=" + limit, "limit");
    }
    cases.put("/api/residents?after_score=abc&after_id=1", "after_score");
    cases.put("/api/residents?district=-3", "district");
    cases.put("/api/residents/abc", "id");
    cases.put("/api/emergencies/abc/counts", "id");
    cases.put("/api/emergencies/abc/disclosures", "id");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      expect400(failures, c.getKey(), api.get(c.getKey(), all), c.getValue());
    }
    for (String position : List.of("[500, 0]", "[0, 91]", "[-181, 0]", "[0, -90.5]", "[1e309, 0]", "[\"a\", 0]", "[1]")) {
      ObjectNode body = emergencyBody();
      String text = body.toString().replace("[138.8,35.1]", position);
      expect400(failures, "area with " + position, api.post("/api/emergencies", all, text), "area");
    }
    assertThat(failures).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static HttpResponse<String> call(String method, String path, String body) throws Exception {
    if (path.startsWith("/api/events")) {
      return api.events(path, all);
    }
    return method.equals("GET") ? api.get(path, all) : api.post(path, all, body);
  }

  /** Never a 5xx; a 4xx on the API says what is wrong in JSON; nothing injected comes back as HTML. */
  private static void judge(List<String> failures, String what, HttpResponse<String> r) {
    String shortWhat = what.length() > 160 ? what.substring(0, 160) + "..." : what;
    if (r.statusCode() == 503 && r.body().contains("No road network is configured")) {
      return; // this server runs without roads; the routing endpoints read their input before they ask for the graph
    }
    if (r.statusCode() >= 500) {
      failures.add(shortWhat + " answered " + r.statusCode() + ": " + r.body());
      return;
    }
    String type = r.headers().firstValue("content-type").orElse("");
    if (r.statusCode() >= 400) {
      try {
        JsonNode body = JSON.readTree(r.body());
        if (body == null || !body.hasNonNull("message") || body.get("message").asText().isBlank()) {
          failures.add(shortWhat + " answered " + r.statusCode() + " without a message");
        }
      } catch (Exception e) {
        failures.add(shortWhat + " answered " + r.statusCode() + " with a body that is not JSON");
      }
    }
    if (type.startsWith("text/html") && r.body().contains("<script>alert")) {
      failures.add(shortWhat + " reflected a script into HTML");
    }
  }

  private static void expect400(List<String> failures, String what, HttpResponse<String> r, String parameter) {
    if (r.statusCode() != 400) {
      failures.add(what + ": expected 400, got " + r.statusCode() + " " + r.body());
      return;
    }
    try {
      JsonNode body = JSON.readTree(r.body());
      if (!parameter.equals(body.path("parameter").asText())) {
        failures.add(what + ": expected the parameter " + parameter + " to be named, got " + body);
      }
    } catch (Exception e) {
      failures.add(what + ": 400 without JSON");
    }
  }

  /** A concrete path for an endpoint pattern: real ids where the endpoint needs them. */
  private static String concrete(String pattern) {
    String p = pattern.replace("{layer}/{z}/{x}/{tile}", "shelters/12/3627/1617.mvt")
        .replace("{tilejson}", "shelters.json")
        .replace("{collection}", "shelters")
        .replace("/ogc/collections/shelters/items/{id}", "/ogc/collections/shelters/items/1")
        .replace("/api/residents/{id}", "/api/residents/" + town.resident(CONSENTED))
        .replace("/api/checks/{id}", "/api/checks/" + check)
        .replace("/api/emergencies/{id}/end", "/api/emergencies/999999/end") // never end the one the probes use
        .replace("{id}", String.valueOf(emergency));
    return p.equals("/api/events") ? "/api/events?replay_only=true" : p;
  }

  /** The concrete path with {@code value} in place of {@code param}. */
  private static String withPathParameter(String pattern, String param, String value) {
    String c = concrete(pattern);
    int q = c.indexOf('?');
    String[] pp = pattern.split("/");
    String[] cc = (q < 0 ? c : c.substring(0, q)).split("/");
    for (int i = 0; i < pp.length; i++) {
      if (pp[i].equals("{" + param + "}")) {
        cc[i] = param.equals("tile") ? value + ".mvt" : value;
      }
    }
    return String.join("/", cc) + (q < 0 ? "" : c.substring(q));
  }

  private static List<String> pathParameters(String pattern) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String validBody(String pattern) {
    return switch (pattern) {
      case "/api/emergencies" -> emergencyBody().toString();
      case "/api/login" -> "{\"login\": \"nobody.here\", \"password\": \"not the password at all\"}";
      default -> "{\"reason\": \"probe\", \"status\": \"on_the_way\"}";
    };
  }

  private static ObjectNode emergencyBody() {
    try {
      return (ObjectNode) JSON.readTree("{\"level\": \"evacuation_order\", \"hazard_types\": [\"flood\"], \"reason\": \"訓練\","
          + " \"area\": {\"type\": \"Polygon\", \"coordinates\": [[[138.8,35.1],[138.81,35.1],[138.81,35.11],[138.8,35.11],[138.8,35.1]]]}}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode obj(Object... kv) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof Long l) {
        o.put((String) kv[i], l);
      } else {
        o.put((String) kv[i], (String) v);
      }
    }
    return o;
  }

  /** Dotted paths of the string values of an object, arrays by index ({@code hazard_types.0}, {@code area.type}). */
  private static List<String> stringFields(JsonNode n, String prefix) {
    List<String> out = new ArrayList<>();
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> out.addAll(stringFields(e.getValue(), prefix + e.getKey() + ".")));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        if (n.get(i).isTextual()) {
          out.addAll(stringFields(n.get(i), prefix + i + "."));
        }
      }
    } else if (n.isTextual()) {
      out.add(prefix.substring(0, prefix.length() - 1));
    }
    return out;
  }

  private static void set(ObjectNode root, String path, String value) {
    String[] parts = path.split("\\.");
    JsonNode n = root;
    for (int i = 0; i < parts.length - 1; i++) {
      n = n.isArray() ? n.get(Integer.parseInt(parts[i])) : n.get(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (n.isArray()) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) n).set(Integer.parseInt(last), value == null
          ? com.fasterxml.jackson.databind.node.NullNode.instance : JSON.getNodeFactory().textNode(value));
    } else if (value == null) {
      ((ObjectNode) n).putNull(last);
    } else {
      ((ObjectNode) n).put(last, value);
    }
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
