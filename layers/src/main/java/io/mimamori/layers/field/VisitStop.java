package io.mimamori.layers.field;

import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.geo.LonLat;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One stop of a supporter's published route, with only what the visit needs: who (name and its
 * reading, to find the nameplate), where (address, the home's point), how to reach them (phone),
 * what help they need, where their plan sends them, what to carry; and the check's state.
 *
 * @param seq the position in visiting order, from 1
 * @param plannedArrival the dispatcher's planned arrival, null when unknown
 * @param status the check's current status (its latest report by time of the report)
 * @param statusAt when the check last changed
 * @param evacuatedToShelterId the shelter a report named, null when none
 * @param householdMembers people in the household, the resident included
 * @param destination the evacuation plan's destination, null without a plan that names one
 * @param itemsToCarry the plan's items to carry (medicine, insurance card, ...), as written
 */
public record VisitStop(
    int seq,
    long checkId,
    long residentId,
    Instant plannedArrival,
    String status,
    boolean escalated,
    Instant statusAt,
    Long evacuatedToShelterId,
    String name,
    String nameKana,
    String address,
    LonLat home,
    String phone,
    CareFacts care,
    int householdMembers,
    Destination destination,
    List<String> itemsToCarry) {

  public VisitStop {
    itemsToCarry = List.copyOf(itemsToCarry);
  }

  /** What help the visit takes, from all the register's facts. */
  public Set<VisitNeed> needs() {
    return VisitNeed.of(care);
  }

  /** What help the visit takes, as far as a viewer who reads only {@code readable} may be told. */
  public Set<VisitNeed> needs(Set<Field> readable) {
    return VisitNeed.of(care, readable);
  }

  /**
   * Where the resident's plan sends them: {@code kind} shelter, relative_home,
   * care_facility_short_stay or stay_home; the shelter's id, name and point with kind shelter.
   */
  public record Destination(String kind, Long shelterId, String shelterName, LonLat shelterLocation, String note) {}
}
