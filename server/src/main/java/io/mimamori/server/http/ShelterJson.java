package io.mimamori.server.http;

import io.mimamori.routing.shelter.Destination;
import io.mimamori.routing.shelter.PassedOver;
import io.mimamori.routing.shelter.Placement;
import io.mimamori.routing.shelter.PreAssignment;
import io.mimamori.routing.shelter.Reason;
import io.mimamori.routing.shelter.ResidentDestinations;
import io.mimamori.routing.shelter.ShelterLoad;
import io.mimamori.routing.shelter.Text;
import io.mimamori.routing.shelter.Unplaced;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Destinations and pre-assignments as JSON: ids as numbers, times in minutes, every reason in English and Japanese. */
final class ShelterJson {

  private ShelterJson() {}

  static Map<String, Object> destinations(ResidentDestinations d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", d.status().name().toLowerCase());
    m.put("summary", text(d.summary()));
    m.put("best", d.best().stream().map(ShelterJson::destination).toList());
    m.put("passed_over", d.passedOver().stream().map(ShelterJson::passedOver).toList());
    return m;
  }

  private static Map<String, Object> destination(Destination d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", d.rank());
    m.put("shelter_id", Long.parseLong(d.shelterId()));
    m.put("name", d.shelterName());
    m.put("kind", d.type().code());
    m.put("minutes", JsonFields.minutes(d.seconds()));
    m.put("seconds", JsonFields.seconds(d.seconds()));
    m.put("metres", JsonFields.metres(d.metres()));
    m.put("reasons", reasons(d.reasons()));
    m.put("explanation", text(d.explanation()));
    return m;
  }

  private static Map<String, Object> passedOver(PassedOver p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shelter_id", Long.parseLong(p.shelterId()));
    m.put("name", p.shelterName());
    m.put("kind", p.type().code());
    m.put("minutes", JsonFields.minutes(p.seconds()));
    m.put("straight_metres", JsonFields.metres(p.straightMetres()));
    m.put("reasons", reasons(p.reasons()));
    m.put("explanation", text(p.explanation()));
    return m;
  }

  static Map<String, Object> preAssignment(PreAssignment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("placed", a.placedCount());
    m.put("unplaced", a.unplaced().size());
    m.put("total_minutes", JsonFields.minutes(a.totalSeconds()));
    m.put("compute_seconds", Math.round(a.computeSeconds() * 100) / 100.0);
    m.put("placements", a.placements().stream().map(ShelterJson::placement).toList());
    m.put("not_placed", a.unplaced().stream().map(ShelterJson::unplaced).toList());
    m.put("shelters", a.loads().stream().map(ShelterJson::load).toList());
    m.put("shelters_without_capacity", a.sheltersWithoutCapacity().stream().map(Long::parseLong).toList());
    return m;
  }

  private static Map<String, Object> placement(Placement p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resident_id", Long.parseLong(p.residentId()));
    m.put("shelter_id", Long.parseLong(p.shelterId()));
    m.put("shelter_name", p.shelterName());
    m.put("kind", p.type().code());
    m.put("minutes", JsonFields.minutes(p.seconds()));
    m.put("metres", JsonFields.metres(p.metres()));
    m.put("places", p.places());
    m.put("reasons", reasons(p.reasons()));
    m.put("explanation", text(p.explanation()));
    return m;
  }

  private static Map<String, Object> unplaced(Unplaced u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resident_id", Long.parseLong(u.residentId()));
    m.put("why", u.why().name().toLowerCase());
    m.put("explanation", text(u.explanation()));
    return m;
  }

  private static Map<String, Object> load(ShelterLoad l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shelter_id", Long.parseLong(l.shelterId()));
    m.put("name", l.shelterName());
    m.put("capacity", l.capacity());
    m.put("used", l.used());
    m.put("child_capacity", l.childCapacity());
    m.put("children_used", l.childrenUsed());
    return m;
  }

  private static List<Map<String, Object>> reasons(List<Reason> rs) {
    return rs.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", r.rule().name().toLowerCase());
      m.put("allows", r.allows());
      m.put("en", r.text().en());
      m.put("ja", r.text().ja());
      return m;
    }).toList();
  }

  static Map<String, String> text(Text t) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("en", t.en());
    m.put("ja", t.ja());
    return m;
  }
}
