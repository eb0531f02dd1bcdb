package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading request bodies and parameters of the routing endpoints: each reader names the field it
 * reads in the {@link BadRequest} it throws, so a client learns exactly what to correct.
 */
final class JsonFields {

  private JsonFields() {}

  /** The body as a JSON object; an empty body is an empty object. */
  static JsonNode body(Context ctx) {
    if (ctx.body().isBlank()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode b = ctx.bodyAsClass(JsonNode.class);
      if (b == null || !b.isObject()) {
        throw new BadRequest("body", "expected a JSON object");
      }
      return b;
    } catch (BadRequest e) {
      throw e;
    } catch (Exception e) {
      throw new BadRequest("body", "expected a JSON object");
    }
  }

  /** A {@code "lon,lat"} query parameter, required. */
  static GeoPoint lonLatParam(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      throw new BadRequest(name, name + " is required as lon,lat in degrees (for example 138.86,35.10)");
    }
    String[] parts = raw.split(",");
    if (parts.length != 2) {
      throw new BadRequest(name, name + " must be lon,lat in degrees (for example 138.86,35.10)");
    }
    try {
      return lonLat(name, Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " must be two numbers, lon,lat");
    }
  }

  /** A {@code [lon, lat]} array at {@code field}; null when absent or null and not required. */
  static GeoPoint lonLat(JsonNode parent, String key, String field, boolean required) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        throw new BadRequest(field, field + " is required as [lon, lat]");
      }
      return null;
    }
    if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
      throw new BadRequest(field, field + " must be [lon, lat] in degrees");
    }
    return lonLat(field, n.get(0).asDouble(), n.get(1).asDouble());
  }

  private static GeoPoint lonLat(String field, double lon, double lat) {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw new BadRequest(field, field + ": longitude must be within [-180, 180]");
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw new BadRequest(field, field + ": latitude must be within [-90, 90]");
    }
    return GeoPoint.ofLonLat(lon, lat);
  }

  static TravelProfile profile(String raw, String field) {
    try {
      return TravelProfile.fromCode(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(field, field + " must be foot, wheelchair or car");
    }
  }

  /** A whole number at {@code key}, or {@code fallback} when absent. */
  static int integer(JsonNode parent, String key, String field, int min, int max, int fallback) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
      throw new BadRequest(field, field + " must be a whole number " + min + ".." + max);
    }
    return n.asInt();
  }

  /** A required id (a positive whole number). */
  static long id(JsonNode parent, String key, String field) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isIntegralNumber() || n.asLong() < 1) {
      throw new BadRequest(field, field + " is required: a positive whole number");
    }
    return n.asLong();
  }

  /** A list of ids at {@code key} (at most {@code max}, no repeats); empty when absent. */
  static List<Long> ids(JsonNode parent, String key, int max) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray() || n.size() > max) {
      throw new BadRequest(key, key + " must be a list of at most " + max + " ids");
    }
    Set<Long> out = new LinkedHashSet<>();
    for (JsonNode x : n) {
      if (!x.isIntegralNumber() || x.asLong() < 1) {
        throw new BadRequest(key, key + " must hold positive whole numbers");
      }
      if (!out.add(x.asLong())) {
        throw new BadRequest(key, key + " names " + x.asLong() + " twice");
      }
    }
    return new ArrayList<>(out);
  }

  /** Skill names ({@code [a-z_]}, 1 to 40 characters) at {@code key}; empty when absent. */
  static Set<String> skills(JsonNode parent, String key, String field) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return Set.of();
    }
    if (!n.isArray() || n.size() > 20) {
      throw new BadRequest(field, field + " must be a list of at most 20 skill names");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode x : n) {
      if (!x.isTextual() || !x.asText().matches("[a-z_]{1,40}")) {
        throw new BadRequest(field, field + " holds skill names of a-z and _ (for example wheelchair_transfer)");
      }
      out.add(x.asText());
    }
    return out;
  }

  /** A whole-number query parameter within bounds, or {@code fallback} when absent. */
  static int integerParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest(name, name + " must be a whole number " + min + ".." + max);
  }

  /** A path parameter that is a positive whole number. */
  static long pathId(Context ctx, String name) {
    try {
      long v = Long.parseLong(ctx.pathParam(name));
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " is a positive whole number");
    }
  }

  /** Seconds as a number for JSON, rounded to 0.1; null for +∞ (unreachable). */
  static Double seconds(double s) {
    return Double.isFinite(s) ? Math.round(s * 10) / 10.0 : null;
  }

  /** Minutes as a number for JSON, rounded to 0.1; null for +∞. */
  static Double minutes(double seconds) {
    return Double.isFinite(seconds) ? Math.round(seconds / 6) / 10.0 : null;
  }

  /** Metres, whole; null for +∞ or NaN. */
  static Long metres(double m) {
    return Double.isFinite(m) ? Math.round(m) : null;
  }
}
