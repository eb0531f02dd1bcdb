package io.mimamori.bench.routing;

import io.mimamori.data.demo.DemoTownLayers;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.TravelTimeSource;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.shelter.Disability;
import io.mimamori.routing.shelter.Eligibility;
import io.mimamori.routing.shelter.Hazard;
import io.mimamori.routing.shelter.Needs;
import io.mimamori.routing.shelter.PreAssigner;
import io.mimamori.routing.shelter.PreAssignment;
import io.mimamori.routing.shelter.Resident;
import io.mimamori.routing.shelter.ShelterSite;
import io.mimamori.routing.shelter.ShelterType;
import io.mimamori.routing.shelter.TargetGroup;
import io.mimamori.routing.shelter.Unplaced;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * 5,000 residents needing a welfare shelter matched to the demo town's 50 welfare shelters (heavy-rain
 * block active, each on their own profile), against the exact reference min-cost flow on the same
 * travel times: once with everyone alone (one place each: the reference is the exact optimum), once
 * with households (the reference is the linear relaxation, a lower bound).
 */
final class PreAssignBench {

  private PreAssignBench() {}

  static void run(DemoTownLayers town, HazardAwareRouter router) {
    List<ShelterSite> shelters = new ArrayList<>();
    for (Shelter s : town.shelters()) {
      if (s.kind() == ShelterKind.WELFARE_SHELTER && shelters.size() < 50) {
        GeoPoint at = GeoPoint.ofLonLat(s.location().lon(), s.location().lat());
        shelters.add(new ShelterSite(s.sourceId(), s.name(), ShelterType.WELFARE_SHELTER, at, Set.of(),
            hazardsAt(at, town.hazards()), s.targetGroups().stream().map(TargetGroup::fromCode).collect(Collectors.toSet()),
            Set.of(), s.capacityPersons(), null));
      }
    }
    int capacity = shelters.stream().mapToInt(ShelterSite::remainingPersons).sum();
    System.out.println(Measure.f("%n### Welfare pre-assignment: 5,000 residents × %d welfare shelters (%,d places in the demo town), heavy-rain block%n",
        shelters.size(), capacity));
    System.out.println("| residents | places | travel times s | assignment s | placed | total travel h | reference placed | reference travel h | reference s | gap |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    // alone with the town's places (exact reference); households with four times the places, so
    // that households, not only people alone, compete for them (the reference is then a bound)
    for (boolean households : new boolean[] {false, true}) {
      int factor = households ? 4 : 1;
      List<ShelterSite> sized = shelters.stream().map(s -> new ShelterSite(s.id(), s.name(), s.type(), s.location(),
          s.designatedFor(), s.hazardsAtSite(), s.targetGroups(), s.disabilityTypes(), s.remainingPersons() * factor,
          null)).toList();
      run(town, router, households, sized);
    }
    // end to end through the router, as the server runs it (matrices included)
    List<Resident> residents = residents(town, 5000, true);
    Measure.Times whole = Measure.time(() -> new PreAssigner(router).assign(residents, shelters, Double.POSITIVE_INFINITY,
        ProgressListener.none(), () -> false));
    System.out.println(Measure.f("%nend to end with households, the town's places (matrices and assignment): %.2f s wall, %.2f s processor",
        whole.wall(), whole.cpu()));
  }

  private static void run(DemoTownLayers town, HazardAwareRouter router, boolean households, List<ShelterSite> shelters) {
    {
      List<Resident> residents = residents(town, 5000, households);
      // travel times once, shared by ours and the reference
      Map<TravelProfile, TravelTimeMatrix> matrices = new EnumMap<>(TravelProfile.class);
      Map<TravelProfile, List<Integer>> rows = new EnumMap<>(TravelProfile.class);
      for (int r = 0; r < residents.size(); r++) {
        rows.computeIfAbsent(residents.get(r).profile(), p -> new ArrayList<>()).add(r);
      }
      List<GeoPoint> sites = shelters.stream().map(ShelterSite::location).toList();
      Measure.Times matrixTime = Measure.time(() -> rows.forEach((p, idx) -> matrices.put(p,
          router.matrix(p, idx.stream().map(i -> residents.get(i).home()).toList(), sites))));
      TravelTimeSource cached = (p, from, to, l, c) -> matrices.get(p);
      PreAssignment[] ours = new PreAssignment[1];
      Measure.Times solve = Measure.time(() -> ours[0] = new PreAssigner(cached).assign(residents, shelters,
          Double.POSITIVE_INFINITY, ProgressListener.none(), () -> false));
      // the reference on the same costs
      double[][] seconds = new double[residents.size()][shelters.size()];
      int[] units = new int[residents.size()];
      for (var e : rows.entrySet()) {
        TravelTimeMatrix m = matrices.get(e.getKey());
        for (int k = 0; k < e.getValue().size(); k++) {
          int r = e.getValue().get(k);
          units[r] = households ? 1 + residents.get(r).companions() : 1;
          for (int j = 0; j < shelters.size(); j++) {
            seconds[r][j] = Eligibility.check(residents.get(r), shelters.get(j), false).eligible() ? m.seconds(k, j)
                : Double.POSITIVE_INFINITY;
          }
        }
      }
      int[] caps = shelters.stream().mapToInt(ShelterSite::remainingPersons).toArray();
      ReferenceMinCostFlow.Result ref = ReferenceMinCostFlow.solve(seconds, units, caps);
      double oursHours = ours[0].totalSeconds() / 3600, refHours = ref.seconds() / 3600;
      String gap = households
          ? Measure.f("placed %.2f%% below the bound, travel %+.2f%% vs the bound", 100 * (ref.placed() - ours[0].placedCount()) / ref.placed(),
              100 * (oursHours - refHours) / refHours)
          : Measure.f("%+.4f%% (exact reference)", 100 * (oursHours - refHours) / refHours);
      int places = shelters.stream().mapToInt(ShelterSite::remainingPersons).sum();
      int people = residents.stream().mapToInt(x -> 1 + x.companions()).sum();
      System.out.println(Measure.f("| %s | %,d | %.2f | %.2f | %,d | %.1f | %,.1f | %.1f | %.2f | %s |",
          households ? "with 0-2 family members (" + people + " people)" : "alone", places, matrixTime.wall(), solve.wall(),
          ours[0].placedCount(), oursHours, ref.placed(), refHours, ref.elapsed(), gap));
      Map<Unplaced.Why, Long> why = ours[0].unplaced().stream().collect(Collectors.groupingBy(Unplaced::why, Collectors.counting()));
      System.out.println(Measure.f("|  |  | unplaced: %s |  |  |  |  |  |  |  |", why));
    }
  }

  static List<Resident> residents(DemoTownLayers town, int n, boolean households) {
    SplittableRandom r = new SplittableRandom(77);
    List<Resident> out = new ArrayList<>();
    List<GeoPoint> homes = RoutingBench.homes(town, n, 55);
    for (int i = 0; i < n; i++) {
      double x = r.nextDouble();
      TravelProfile p = x < 0.6 ? TravelProfile.WHEELCHAIR : x < 0.8 ? TravelProfile.FOOT : TravelProfile.CAR;
      Set<Disability> dis = r.nextDouble() < 0.35 ? EnumSet.of(r.nextBoolean() ? Disability.PHYSICAL : Disability.INTELLECTUAL)
          : Set.of();
      Needs needs = new Needs(true, r.nextDouble() < 0.75, dis, Needs.School.NONE, false, false, r.nextDouble() < 0.2);
      double y = r.nextDouble();
      int companions = households ? (y < 0.5 ? 0 : y < 0.9 ? 1 : 2) : 0;
      out.add(new Resident("r" + i, p, homes.get(i), hazardsAt(homes.get(i), town.hazards()), needs, companions));
    }
    return out;
  }

  static Set<Hazard> hazardsAt(GeoPoint p, List<HazardZone> zones) {
    Point pt = ActiveHazards.GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
    Set<Hazard> out = EnumSet.noneOf(Hazard.class);
    for (HazardZone z : zones) {
      if (z.geometry().getEnvelopeInternal().contains(pt.getCoordinate()) && z.geometry().covers(pt)) {
        out.add(Hazard.fromCode(z.type().code()));
      }
    }
    return out;
  }
}
