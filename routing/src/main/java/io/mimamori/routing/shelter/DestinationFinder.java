package io.mimamori.routing.shelter;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.TravelTimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The best shelters for each resident: those the {@link Eligibility} rules allow (with the places
 * left now), ordered by travel time on the resident's own profile with the active hazards, each
 * explained in words; and the nearer shelters passed over, with why. One matrix per profile
 * (residents × shelters), so thousands of residents take seconds.
 */
public final class DestinationFinder {

  public static final int DEFAULT_COUNT = 3;
  private static final int PASSED_OVER = 3;

  private final TravelTimeSource times;

  public DestinationFinder(TravelTimeSource times) {
    this.times = times;
  }

  /**
   * @param count how many shelters to recommend per resident (at least 1)
   * @throws CancellationException when {@code cancelled} turns true
   */
  public List<ResidentDestinations> find(List<Resident> residents, List<ShelterSite> shelters, int count,
      ProgressListener listener, BooleanSupplier cancelled) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    Map<TravelProfile, List<Integer>> byProfile = new EnumMap<>(TravelProfile.class);
    for (int i = 0; i < residents.size(); i++) {
      byProfile.computeIfAbsent(residents.get(i).profile(), p -> new ArrayList<>()).add(i);
    }
    List<GeoPoint> sites = shelters.stream().map(ShelterSite::location).toList();
    ResidentDestinations[] out = new ResidentDestinations[residents.size()];
    int done = 0;
    for (var e : byProfile.entrySet()) {
      List<Integer> idx = e.getValue();
      List<GeoPoint> homes = idx.stream().map(i -> residents.get(i).home()).toList();
      double base = (double) done / Math.max(1, residents.size());
      double share = (double) idx.size() / Math.max(1, residents.size());
      TravelTimeMatrix m = times.matrix(e.getKey(), homes, sites,
          (phase, f) -> listener.progress("travel times " + e.getKey().code() + ": " + phase, base + share * 0.9 * f),
          cancelled);
      for (int k = 0; k < idx.size(); k++) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("the destinations were cancelled");
        }
        out[idx.get(k)] = forResident(residents.get(idx.get(k)), shelters, m, k, count);
      }
      done += idx.size();
      listener.progress("destinations", (double) done / Math.max(1, residents.size()));
    }
    return List.of(out);
  }

  /** The destinations of one resident, row {@code row} of {@code m}. */
  static ResidentDestinations forResident(Resident r, List<ShelterSite> shelters, TravelTimeMatrix m, int row,
      int count) {
    if (!m.originOnNetwork(row)) {
      return new ResidentDestinations(r.id(), ResidentDestinations.Status.HOME_OFF_NETWORK, List.of(), List.of(),
          new Text("the home is not near a road usable " + profileEn(r.profile()) + "; no travel times",
              "自宅の近くに" + profileJa(r.profile()) + "で通れる道がなく、所要時間を計算できません"));
    }
    record Option(int j, boolean eligible, double seconds, double metres, double straight) {}
    List<Option> options = new ArrayList<>();
    for (int j = 0; j < shelters.size(); j++) {
      ShelterSite s = shelters.get(j);
      options.add(new Option(j, Eligibility.allows(r, s, true), m.seconds(row, j), m.metres(row, j),
          r.home().metresTo(s.location())));
    }
    Comparator<Option> byTravel = Comparator.comparingDouble(Option::seconds).thenComparingDouble(Option::metres)
        .thenComparing(o -> shelters.get(o.j()).id());
    List<Option> good = options.stream().filter(o -> o.eligible() && Double.isFinite(o.seconds()))
        .sorted(byTravel).toList();
    boolean anySuitable = options.stream().anyMatch(Option::eligible);
    List<Destination> best = new ArrayList<>();
    for (Option o : good.subList(0, Math.min(count, good.size()))) {
      ShelterSite s = shelters.get(o.j());
      Verdict verdict = Eligibility.check(r, s, true);
      List<Reason> reasons = new ArrayList<>(verdict.reasons());
      Text travel = Wording.travel(r.profile(), o.seconds(), o.metres());
      reasons.add(new Reason(Reason.Rule.TRAVEL, true, travel));
      best.add(new Destination(best.size() + 1, s.id(), s.name(), s.type(), o.seconds(), o.metres(), reasons,
          Wording.join(s.name(), s.type(), travel, Wording.findings(verdict.reasons()))));
    }
    // nearer than the first recommendation (by time, or as the crow flies when unreachable), yet passed over
    double bestSeconds = good.isEmpty() ? Double.POSITIVE_INFINITY : good.get(0).seconds();
    double bestStraight = good.isEmpty() ? Double.POSITIVE_INFINITY : good.get(0).straight();
    List<PassedOver> passed = new ArrayList<>();
    options.stream()
        .filter(o -> !o.eligible() || !Double.isFinite(o.seconds()))
        .filter(o -> Double.isFinite(o.seconds()) ? o.seconds() < bestSeconds : o.straight() < bestStraight)
        .sorted(Comparator.comparingDouble(Option::straight))
        .limit(PASSED_OVER)
        .forEach(o -> {
          ShelterSite s = shelters.get(o.j());
          Verdict verdict = Eligibility.check(r, s, true);
          List<Reason> why = new ArrayList<>(verdict.refusals());
          Text first;
          if (Double.isFinite(o.seconds())) {
            first = Wording.travel(r.profile(), o.seconds(), o.metres());
          } else {
            first = Wording.unreachable(r.profile());
            why.add(new Reason(Reason.Rule.TRAVEL, false, first));
          }
          passed.add(new PassedOver(s.id(), s.name(), s.type(), o.seconds(), o.straight(), why,
              Wording.join(s.name(), s.type(), first, Wording.findings(verdict.refusals()))));
        });
    if (best.isEmpty()) {
      ResidentDestinations.Status status = anySuitable ? ResidentDestinations.Status.NONE_REACHABLE
          : ResidentDestinations.Status.NONE_SUITABLE;
      Text summary = anySuitable
          ? new Text("no suitable shelter can be reached " + profileEn(r.profile()) + " with the roads blocked now",
              "現在の通行止めでは" + profileJa(r.profile()) + "で到達できる避難先がありません")
          : new Text("no shelter suits this resident (see the reasons of the nearest)",
              "この方に合う避難先がありません（近い避難所の理由を参照）");
      return new ResidentDestinations(r.id(), status, best, passed, summary);
    }
    Destination first = best.get(0);
    Text summary = new Text(
        good.size() + " suitable shelter" + (good.size() == 1 ? "" : "s") + " within reach; best: "
            + first.shelterName() + ", " + Wording.travel(r.profile(), first.seconds(), first.metres()).en()
            + (passed.isEmpty() ? "" : "; " + passed.size() + " nearer passed over"),
        "到達できる避難先は" + good.size() + "か所。最適は" + first.shelterName() + "（"
            + Wording.travel(r.profile(), first.seconds(), first.metres()).ja() + "）"
            + (passed.isEmpty() ? "" : "。より近い" + passed.size() + "か所は対象外"));
    return new ResidentDestinations(r.id(), ResidentDestinations.Status.FOUND, best, passed, summary);
  }

  static String profileEn(TravelProfile p) {
    return switch (p) {
      case FOOT -> "on foot";
      case WHEELCHAIR -> "by wheelchair";
      case CAR -> "by car";
    };
  }

  static String profileJa(TravelProfile p) {
    return switch (p) {
      case FOOT -> "徒歩";
      case WHEELCHAIR -> "車いす";
      case CAR -> "車";
    };
  }
}
