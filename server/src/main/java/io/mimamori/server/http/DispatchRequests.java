package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.dispatch.CheckToVisit;
import io.mimamori.layers.dispatch.DispatchStore;
import io.mimamori.layers.register.ResidentNeeds;
import io.mimamori.layers.register.ResidentNeedsStore;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import io.mimamori.server.dispatch.DispatchPlanner;
import io.mimamori.server.dispatch.TeamRequest;
import io.mimamori.server.routing.SupportNeeds;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and checks the dispatcher's requests against the database: the emergency exists and is
 * active, the supporters exist, the residents and checks belong to the emergency. Each refusal
 * names the field (400), or is 404 for an unknown emergency and 409 for an ended one.
 */
final class DispatchRequests {

  static final int MAX_TEAMS = 500;
  /** Checks one run plans at most (highest priority first): the road matrix over them and the teams stays near 100 MB. */
  static final int MAX_TASKS = 3_000;

  /** The visits a run plans, and how many more open checks it leaves for a later run. */
  record Selection(List<DispatchPlanner.Visit> visits, int notPlanned) {}

  private final DispatchStore dispatch;
  private final ResidentNeedsStore residents;

  DispatchRequests(DispatchStore dispatch, ResidentNeedsStore residents) {
    this.dispatch = dispatch;
    this.residents = residents;
  }

  /** The emergency's id, checked to exist (404) and be active (409). */
  long activeEmergency(JsonNode body) throws SQLException {
    return requireActive(JsonFields.id(body, "emergency_id", "emergency_id"));
  }

  /** {@code id}, checked to name an emergency (404) that is active (409). */
  long requireActive(long id) throws SQLException {
    Boolean active = dispatch.emergencyActive(id).orElseThrow(() -> new NotFoundResponse("No emergency " + id));
    if (!active) {
      throw new HttpResponseException(409, "Emergency " + id + " has ended: nothing more to plan for it.");
    }
    return id;
  }

  /** The run's profile: {@code profile}, default foot. */
  static TravelProfile profile(JsonNode body) {
    JsonNode n = body.get("profile");
    return n == null || n.isNull() ? TravelProfile.FOOT : JsonFields.profile(n.asText(), "profile");
  }

  /** The teams, each checked; supporters must exist and appear once. */
  List<TeamRequest> teams(JsonNode body, TravelProfile profile) throws SQLException {
    JsonNode list = body.get("teams");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_TEAMS) {
      throw new BadRequest("teams", "teams must be a list of 1.." + MAX_TEAMS + " teams");
    }
    List<TeamRequest> out = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String f = "teams[" + i + "]";
      if (!t.isObject()) {
        throw new BadRequest(f, f + " must be an object");
      }
      long supporter = JsonFields.id(t, "supporter_id", f + ".supporter_id");
      if (!seen.add(supporter)) {
        throw new BadRequest(f + ".supporter_id", f + ".supporter_id: supporter " + supporter + " appears twice");
      }
      JsonNode p = t.get("profile");
      if (p != null && !p.isNull() && JsonFields.profile(p.asText(), f + ".profile") != profile) {
        throw new BadRequest(f + ".profile", f + ".profile: one run plans one travel profile (" + profile.code()
            + "); plan teams of another profile in a run of their own");
      }
      GeoPoint start = JsonFields.lonLat(t, "start", f + ".start", true);
      GeoPoint end = JsonFields.lonLat(t, "end", f + ".end", false);
      JsonNode minutes = t.get("minutes");
      if (minutes == null || minutes.isNull()) {
        throw new BadRequest(f + ".minutes", f + ".minutes is required: the minutes the team has, 1..1440");
      }
      out.add(new TeamRequest(supporter, start, end, JsonFields.integer(t, "minutes", f + ".minutes", 1, 1440, 60),
          JsonFields.skills(t, "skills", f + ".skills"), JsonFields.integer(t, "size", f + ".size", 1, 10, 1)));
    }
    Set<Long> known = dispatch.existingSupporters(seen);
    for (int i = 0; i < out.size(); i++) {
      if (!known.contains(out.get(i).supporterId())) {
        throw new BadRequest("teams[" + i + "].supporter_id", "teams[" + i + "].supporter_id: no supporter "
            + out.get(i).supporterId());
      }
    }
    // who may visit a resident who refused is the register's fact, not the request's
    Set<Long> rescue = dispatch.rescueServices(seen);
    List<TeamRequest> checked = new ArrayList<>();
    for (TeamRequest t : out) {
      Set<String> skills = new java.util.TreeSet<>(t.skills());
      skills.remove(SupportNeeds.RESCUE_SERVICE);
      if (rescue.contains(t.supporterId())) {
        skills.add(SupportNeeds.RESCUE_SERVICE);
      }
      checked.add(new TeamRequest(t.supporterId(), t.start(), t.end(), t.minutes(), skills, t.size()));
    }
    return checked;
  }

  /**
   * The checks to visit: of the residents listed in {@code residents} (each must have a check in
   * the emergency), or else the emergency's open checks, the {@value #MAX_TASKS} of highest priority;
   * with the residents' facts (checks of residents no longer on the register are dropped).
   */
  Selection visits(JsonNode body, long emergencyId) throws SQLException {
    List<Long> asked = JsonFields.ids(body, "residents", MAX_TASKS);
    List<CheckToVisit> checks;
    if (!asked.isEmpty()) {
      checks = dispatch.checksOfResidents(emergencyId, asked);
      Set<Long> found = checks.stream().map(CheckToVisit::residentId).collect(Collectors.toSet());
      List<Long> missing = asked.stream().filter(r -> !found.contains(r)).limit(5).toList();
      if (!missing.isEmpty()) {
        throw new BadRequest("residents", "residents: no safety check in emergency " + emergencyId + " for resident "
            + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      }
      return new Selection(withResidents(checks), 0);
    }
    List<CheckToVisit> open = dispatch.checks(emergencyId).stream().filter(CheckToVisit::open).toList();
    return new Selection(withResidents(open.subList(0, Math.min(MAX_TASKS, open.size()))),
        Math.max(0, open.size() - MAX_TASKS));
  }

  /** The checks {@code key} lists: each must be a check of the emergency ({@code field} names the list). */
  List<DispatchPlanner.Visit> checks(JsonNode body, String key, long emergencyId) throws SQLException {
    List<Long> ids = JsonFields.ids(body, key, MAX_TASKS);
    List<CheckToVisit> found = dispatch.checksById(emergencyId, ids);
    Set<Long> have = found.stream().map(CheckToVisit::checkId).collect(Collectors.toSet());
    List<Long> missing = ids.stream().filter(i -> !have.contains(i)).limit(5).toList();
    if (!missing.isEmpty()) {
      throw new BadRequest(key, key + ": no safety check " + missing.stream().map(String::valueOf)
          .collect(Collectors.joining(", ")) + " in emergency " + emergencyId);
    }
    return withResidents(found);
  }

  /** The statuses now of the plan's checks that are closed (reported safe, evacuated, ...). */
  Set<Long> closedNow(long emergencyId, Collection<Long> checkIds) throws SQLException {
    return dispatch.checksById(emergencyId, checkIds).stream().filter(c -> !c.open()).map(CheckToVisit::checkId)
        .collect(Collectors.toSet());
  }

  private List<DispatchPlanner.Visit> withResidents(List<CheckToVisit> checks) throws SQLException {
    Map<Long, ResidentNeeds> needs = residents.list(checks.stream().map(CheckToVisit::residentId).toList()).stream()
        .collect(Collectors.toMap(ResidentNeeds::id, Function.identity()));
    List<DispatchPlanner.Visit> out = new ArrayList<>();
    for (CheckToVisit c : checks) {
      ResidentNeeds n = needs.get(c.residentId());
      if (n != null) {
        out.add(new DispatchPlanner.Visit(c, n));
      }
    }
    return out;
  }
}
