package io.mimamori.routing.shelter;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.TravelTimeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Matches residents who need a welfare or child welfare shelter to one in advance (the national
 * guideline's "adjust who goes where beforehand"): within each shelter's places left (family
 * members counted where the shelter takes families; a child's place at child welfare shelters), as
 * many residents placed as the places allow, and among such matchings the least total travel
 * time on each resident's own profile with the active hazards. Only shelters the {@link
 * Eligibility} rules allow and within {@code maxSeconds} are used. Shelters with no published
 * capacity are left out (nobody can be promised a place there). Everyone left over is told why.
 */
public final class PreAssigner {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PreAssigner.class);

  private final TravelTimeSource times;

  public PreAssigner(TravelTimeSource times) {
    this.times = times;
  }

  /**
   * @param maxSeconds longest travel allowed ({@code Double.POSITIVE_INFINITY} for no limit)
   * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
   */
  public PreAssignment assign(List<Resident> residents, List<ShelterSite> shelters, double maxSeconds,
      ProgressListener listener, BooleanSupplier cancelled) {
    long t0 = System.nanoTime();
    List<ShelterSite> welfare = new ArrayList<>();
    List<String> withoutCapacity = new ArrayList<>();
    for (ShelterSite s : shelters) {
      if (!s.type().isWelfare()) {
        continue;
      }
      if (s.remainingPersons() == null) {
        withoutCapacity.add(s.id());
      } else {
        welfare.add(s);
      }
    }
    int n = residents.size(), m = welfare.size();
    boolean[][] allowed = new boolean[n][m];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < m; j++) {
        allowed[r][j] = Eligibility.allows(residents.get(r), welfare.get(j), false);
      }
    }
    // travel times, one matrix per profile
    double[][] seconds = new double[n][];
    double[][] metres = new double[n][];
    boolean[] onNetwork = new boolean[n];
    Map<TravelProfile, List<Integer>> byProfile = new EnumMap<>(TravelProfile.class);
    for (int r = 0; r < n; r++) {
      byProfile.computeIfAbsent(residents.get(r).profile(), p -> new ArrayList<>()).add(r);
    }
    List<GeoPoint> sites = welfare.stream().map(ShelterSite::location).toList();
    int done = 0;
    for (var e : byProfile.entrySet()) {
      List<Integer> idx = e.getValue();
      double base = 0.5 * done / Math.max(1, n), share = 0.5 * idx.size() / Math.max(1, n);
      TravelTimeMatrix mat = times.matrix(e.getKey(), idx.stream().map(r -> residents.get(r).home()).toList(), sites,
          (phase, f) -> listener.progress("travel times " + e.getKey().code(), base + share * f), cancelled);
      for (int k = 0; k < idx.size(); k++) {
        int r = idx.get(k);
        onNetwork[r] = mat.originOnNetwork(k);
        seconds[r] = new double[m];
        metres[r] = new double[m];
        for (int j = 0; j < m; j++) {
          seconds[r][j] = mat.seconds(k, j);
          metres[r][j] = mat.metres(k, j);
        }
      }
      done += idx.size();
    }
    // the assignment
    double[][] cost = new double[n][m];
    int[][] places = new int[n][m];
    boolean[] child = new boolean[n];
    int[] cap = new int[m], capChildren = new int[m];
    for (int j = 0; j < m; j++) {
      ShelterSite s = welfare.get(j);
      cap[j] = s.remainingPersons();
      capChildren[j] = s.type() == ShelterType.CHILD_WELFARE_SHELTER && s.remainingChildren() != null
          ? s.remainingChildren() : Integer.MAX_VALUE;
    }
    for (int r = 0; r < n; r++) {
      Resident res = residents.get(r);
      child[r] = res.needs().school() != Needs.School.NONE;
      for (int j = 0; j < m; j++) {
        boolean ok = allowed[r][j] && seconds[r][j] <= maxSeconds;
        cost[r][j] = ok ? seconds[r][j] : Double.POSITIVE_INFINITY;
        places[r][j] = welfare.get(j).placesFor(res.companions());
      }
    }
    long t1 = System.nanoTime();
    listener.progress("assigning", 0.5);
    AssignmentSolver solver = new AssignmentSolver(cost, places, child, cap, capChildren);
    int total = n;
    int[] at = solver.solve(cancelled, k -> {
      if (k % 50 == 0) {
        listener.progress("assigning", 0.5 + 0.5 * k / Math.max(1, total));
      }
    });
    long t2 = System.nanoTime();
    // the result in words
    List<Placement> placements = new ArrayList<>();
    List<Unplaced> unplaced = new ArrayList<>();
    double totalSeconds = 0;
    for (int r = 0; r < n; r++) {
      Resident res = residents.get(r);
      int j = at[r];
      if (j >= 0) {
        ShelterSite s = welfare.get(j);
        Verdict verdict = Eligibility.check(res, s, false);
        List<Reason> reasons = new ArrayList<>(verdict.reasons());
        Text travel = Wording.travel(res.profile(), seconds[r][j], metres[r][j]);
        reasons.add(new Reason(Reason.Rule.TRAVEL, true, travel));
        Text placesText = places[r][j] == 1 ? new Text("1 place", "1人分")
            : new Text(places[r][j] + " places with the family", "家族を含め" + places[r][j] + "人分");
        placements.add(new Placement(res.id(), s.id(), s.name(), s.type(), seconds[r][j], metres[r][j], places[r][j],
            reasons, Wording.join(s.name(), s.type(), travel,
                new Text(placesText.en() + "; " + Wording.findings(verdict.reasons()).en(),
                    placesText.ja() + "。" + Wording.findings(verdict.reasons()).ja()))));
        totalSeconds += seconds[r][j];
      } else {
        unplaced.add(whyNot(res, welfare, allowed[r], seconds[r], onNetwork[r], maxSeconds, solver, places[r]));
      }
    }
    List<ShelterLoad> loads = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      ShelterSite s = welfare.get(j);
      boolean children = capChildren[j] != Integer.MAX_VALUE;
      loads.add(new ShelterLoad(s.id(), s.name(), cap[j], solver.usedPlaces(j), children ? capChildren[j] : null,
          children ? solver.usedChildren(j) : null));
    }
    log.debug("pre-assignment {} x {}: rules and travel times {} ms, assignment {} ms, explanations {} ms", n, m,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    listener.progress("pre-assignment ready", 1);
    return new PreAssignment(placements, unplaced, loads, withoutCapacity, totalSeconds, (System.nanoTime() - t0) / 1e9);
  }

  private static Unplaced whyNot(Resident res, List<ShelterSite> welfare, boolean[] allowed, double[] seconds,
      boolean onNetwork, double maxSeconds, AssignmentSolver solver, int[] places) {
    int m = welfare.size();
    int nearestAny = -1, suitable = 0, reachable = 0, nearestReachable = -1;
    for (int j = 0; j < m; j++) {
      if (nearestAny < 0 || res.home().metresTo(welfare.get(j).location())
          < res.home().metresTo(welfare.get(nearestAny).location())) {
        nearestAny = j;
      }
      if (allowed[j]) {
        suitable++;
        if (Double.isFinite(seconds[j])) {
          reachable++;
          if (nearestReachable < 0 || seconds[j] < seconds[nearestReachable]) {
            nearestReachable = j;
          }
        }
      }
    }
    if (suitable == 0) {
      Text why = nearestAny < 0 ? new Text("there is no welfare shelter with a published capacity", "収容人数が公表された福祉避難所がありません")
          : Wording.join(welfare.get(nearestAny).name(), welfare.get(nearestAny).type(),
              new Text("the nearest welfare shelter", "最寄りの福祉避難所"),
              Wording.findings(Eligibility.check(res, welfare.get(nearestAny), false).refusals()));
      return new Unplaced(res.id(), Unplaced.Why.NO_SUITABLE_SHELTER, new Text(
          "no welfare shelter takes this resident. " + why.en(), "この方を受け入れる福祉避難所がありません。" + why.ja()));
    }
    if (!onNetwork) {
      return new Unplaced(res.id(), Unplaced.Why.HOME_OFF_NETWORK, new Text(
          "the home is not near a road usable " + DestinationFinder.profileEn(res.profile()),
          "自宅の近くに" + DestinationFinder.profileJa(res.profile()) + "で通れる道がありません"));
    }
    if (reachable == 0) {
      return new Unplaced(res.id(), Unplaced.Why.UNREACHABLE, Wording.noneReachable(res.profile(), suitable));
    }
    ShelterSite near = welfare.get(nearestReachable);
    if (seconds[nearestReachable] > maxSeconds) {
      Text travel = Wording.duration(res.profile(), seconds[nearestReachable]);
      int limit = Wording.minutes(maxSeconds);
      return new Unplaced(res.id(), Unplaced.Why.TOO_FAR, new Text(
          "the nearest suitable welfare shelter, " + near.name() + ", is " + travel.en() + " away, more than the "
              + limit + " min allowed",
          "最寄りの対象福祉避難所（" + near.name() + "）まで" + travel.ja() + "で、上限の" + limit + "分を超えます"));
    }
    int left = near.remainingPersons() - solver.usedPlaces(nearestReachable);
    return new Unplaced(res.id(), Unplaced.Why.NO_ROOM, new Text(
        "all " + reachable + " suitable welfare shelters within reach are full with residents placed before; the nearest, "
            + near.name() + ", has " + Math.max(0, left) + " of " + near.remainingPersons() + " places left and the household needs "
            + places[nearestReachable],
        "到達できる対象福祉避難所" + reachable + "か所はすべて満員です。最寄りの" + near.name() + "は残り" + Math.max(0, left) + "人分（定員"
            + near.remainingPersons() + "人分）で、" + places[nearestReachable] + "人分が必要です"));
  }
}
