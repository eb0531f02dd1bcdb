package io.mimamori.server.routing;

import io.mimamori.layers.register.ResidentNeeds;
import io.mimamori.layers.shelter.DestinationShelter;
import io.mimamori.layers.shelterops.ArrivalEligibility;
import io.mimamori.routing.shelter.Eligibility;
import io.mimamori.routing.shelter.Reason;
import io.mimamori.routing.shelter.Verdict;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a resident arriving at a welfare or child welfare shelter belongs to its announced target
 * groups, by the same rules that choose destinations and pre-assign welfare places
 * ({@link Eligibility}), less the rules about the journey (hazards, capacity): the person is there.
 */
public final class ArrivalRule {

  /** The finding and the rules' words (English and Japanese). */
  public record Finding(ArrivalEligibility eligibility, List<Reason> reasons) {}

  private static final Set<Reason.Rule> WHO = EnumSet.of(Reason.Rule.WELFARE_NEED, Reason.Rule.TARGET_GROUP,
      Reason.Rule.CHILD, Reason.Rule.DISABILITY_TYPE);

  private ArrivalRule() {}

  public static Finding check(ResidentNeeds resident, DestinationShelter shelter, LocalDate today) {
    Verdict v = Eligibility.check(SupportNeeds.resident(resident, today), ShelterSites.of(shelter), false);
    List<Reason> who = v.reasons().stream().filter(r -> WHO.contains(r.rule())).toList();
    boolean allowed = who.stream().allMatch(Reason::allows);
    return new Finding(allowed ? ArrivalEligibility.ELIGIBLE : ArrivalEligibility.NOT_ELIGIBLE, who);
  }
}
