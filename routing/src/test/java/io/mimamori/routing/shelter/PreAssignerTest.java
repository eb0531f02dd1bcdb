package io.mimamori.routing.shelter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.StraightLineTimes;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Welfare pre-assignment: capacities, optimality against brute force, and why someone is left out. */
class PreAssignerTest {

  private final PreAssigner assigner = new PreAssigner(StraightLineTimes.typical());

  @Test
  void neverExceedsACapacityAndPlacesOnlyWhereTheRulesAllow() {
    SplittableRandom rnd = new SplittableRandom(3);
    List<ShelterSite> shelters = new ArrayList<>();
    for (int j = 0; j < 8; j++) {
      Set<TargetGroup> groups = j % 3 == 0 ? EnumSet.of(TargetGroup.ELDERLY, TargetGroup.FAMILIES)
          : j % 3 == 1 ? EnumSet.of(TargetGroup.DISABLED, TargetGroup.FAMILIES) : EnumSet.of(TargetGroup.CARE_NEEDING);
      shelters.add(new ShelterSite("w" + j, "welfare " + j, ShelterType.WELFARE_SHELTER, point(rnd), Set.of(), Set.of(),
          groups, Set.of(), 5 + rnd.nextInt(20), null));
    }
    shelters.add(new ShelterSite("c0", "school", ShelterType.CHILD_WELFARE_SHELTER, point(rnd), Set.of(), Set.of(),
        EnumSet.of(TargetGroup.PUPILS, TargetGroup.PRESCHOOL_DISABLED, TargetGroup.FAMILIES),
        EnumSet.of(Disability.INTELLECTUAL), 12, 4));
    List<Resident> residents = new ArrayList<>();
    for (int r = 0; r < 300; r++) {
      boolean pupil = r % 10 == 0;
      Needs needs = pupil
          ? new Needs(false, false, EnumSet.of(Disability.INTELLECTUAL), Needs.School.SPECIAL_NEEDS_PUPIL, false, false, false)
          : new Needs(true, rnd.nextBoolean(), rnd.nextBoolean() ? EnumSet.of(Disability.PHYSICAL) : Set.of(),
              Needs.School.NONE, false, false, false);
      residents.add(new Resident("r" + r, TravelProfile.values()[r % 3], point(rnd), Set.of(), needs, rnd.nextInt(3)));
    }
    PreAssignment a = assigner.assign(residents, shelters, Double.POSITIVE_INFINITY, ProgressListener.none(), () -> false);
    Map<String, ShelterSite> byId = new HashMap<>();
    shelters.forEach(s -> byId.put(s.id(), s));
    Map<String, Resident> residentById = new HashMap<>();
    residents.forEach(x -> residentById.put(x.id(), x));
    Map<String, Integer> used = new HashMap<>();
    Map<String, Integer> children = new HashMap<>();
    for (Placement p : a.placements()) {
      ShelterSite s = byId.get(p.shelterId());
      Resident x = residentById.get(p.residentId());
      assertThat(Eligibility.check(x, s, false).eligible()).isTrue();
      assertThat(p.places()).isEqualTo(s.placesFor(x.companions()));
      used.merge(s.id(), p.places(), Integer::sum);
      if (s.type() == ShelterType.CHILD_WELFARE_SHELTER) {
        children.merge(s.id(), 1, Integer::sum);
      }
    }
    for (ShelterLoad load : a.loads()) {
      ShelterSite s = byId.get(load.shelterId());
      assertThat(load.used()).isEqualTo(used.getOrDefault(s.id(), 0)).isLessThanOrEqualTo(s.remainingPersons());
      if (s.type() == ShelterType.CHILD_WELFARE_SHELTER) {
        assertThat(load.childrenUsed()).isEqualTo(children.getOrDefault(s.id(), 0)).isLessThanOrEqualTo(4);
      }
    }
    int capacity = shelters.stream().mapToInt(ShelterSite::remainingPersons).sum();
    assertThat(a.placedCount() + a.unplaced().size()).isEqualTo(300);
    assertThat(a.unplaced()).isNotEmpty();
    assertThat(a.loads().stream().mapToInt(ShelterLoad::used).sum()).isGreaterThan(capacity * 9 / 10);
    assertThat(a.unplaced()).allSatisfy(u -> assertThat(u.why()).isIn(Unplaced.Why.NO_ROOM, Unplaced.Why.NO_SUITABLE_SHELTER));
    assertThat(a.unplaced()).filteredOn(u -> u.why() == Unplaced.Why.NO_ROOM).first()
        .satisfies(u -> assertThat(u.explanation().en()).contains("are full").contains("places left"));
  }

  @Test
  void isOptimalAgainstBruteForceWhenEachResidentTakesOnePlace() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int t = 0; t < 150; t++) {
      int m = 1 + rnd.nextInt(3), n = 2 + rnd.nextInt(6);
      List<ShelterSite> shelters = new ArrayList<>();
      for (int j = 0; j < m; j++) {
        shelters.add(Sites.welfare("w" + j, 0, rnd.nextBoolean() ? Set.of(TargetGroup.ELDERLY) : Set.of(TargetGroup.CARE_NEEDING),
            1 + rnd.nextInt(3)));
        shelters.set(j, new ShelterSite(shelters.get(j).id(), null, ShelterType.WELFARE_SHELTER, point(rnd), Set.of(),
            Set.of(), shelters.get(j).targetGroups(), Set.of(), shelters.get(j).remainingPersons(), null));
      }
      List<Resident> residents = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        residents.add(new Resident("r" + r, TravelProfile.FOOT, point(rnd), Set.of(),
            new Needs(true, rnd.nextBoolean(), Set.of(), Needs.School.NONE, false, false, false), rnd.nextInt(3)));
      }
      PreAssignment a = assigner.assign(residents, shelters, Double.POSITIVE_INFINITY, ProgressListener.none(), () -> false);
      // the same problem by brute force
      TravelTimeMatrix times = StraightLineTimes.typical().matrix(TravelProfile.FOOT,
          residents.stream().map(Resident::home).toList(), shelters.stream().map(ShelterSite::location).toList(),
          ProgressListener.none(), () -> false);
      double[][] cost = new double[n][m];
      int[][] places = new int[n][m];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < m; j++) {
          cost[r][j] = Eligibility.check(residents.get(r), shelters.get(j), false).eligible() ? times.seconds(r, j)
              : Double.POSITIVE_INFINITY;
          places[r][j] = 1;
        }
      }
      int[] cap = shelters.stream().mapToInt(ShelterSite::remainingPersons).toArray();
      int[] capC = new int[m];
      Arrays.fill(capC, Integer.MAX_VALUE);
      double[] exact = AssignmentSolverTest.bruteForce(new AssignmentSolverTest.Instance(cost, places, new boolean[n], cap, capC));
      assertThat((double) a.placedCount()).as("case " + t).isEqualTo(exact[0]);
      assertThat(a.totalSeconds()).as("case " + t).isCloseTo(exact[1], org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void saysWhySomeoneIsLeftOut() {
    ShelterSite elderlyOnly = Sites.welfare("w1", 500, Set.of(TargetGroup.ELDERLY, TargetGroup.FAMILIES), 2);
    Resident young = Sites.careNeeding("young", false, Set.of(), 0);
    Resident first = Sites.careNeeding("first", true, Set.of(), 1);
    Resident second = new Resident("second", TravelProfile.WHEELCHAIR, Sites.east(900), Set.of(),
        new Needs(true, true, Set.of(), Needs.School.NONE, false, false, false), 0);
    PreAssignment a = assigner.assign(List.of(young, first, second), List.of(elderlyOnly), Double.POSITIVE_INFINITY,
        ProgressListener.none(), () -> false);
    // one place is left either way; the resident living alone is nearer, and leaves a place free
    assertThat(a.placements()).extracting(Placement::residentId).containsExactly("second");
    Map<String, Unplaced> why = new HashMap<>();
    a.unplaced().forEach(u -> why.put(u.residentId(), u));
    assertThat(why.get("young").why()).isEqualTo(Unplaced.Why.NO_SUITABLE_SHELTER);
    assertThat(why.get("young").explanation().en()).contains("takes only elderly people");
    assertThat(why.get("first").why()).isEqualTo(Unplaced.Why.NO_ROOM);
    assertThat(why.get("first").explanation().en()).contains("1 of 2 places left and the household needs 2");
    assertThat(why.get("first").explanation().ja()).contains("満員");

    PreAssignment household = assigner.assign(List.of(first), List.of(elderlyOnly), Double.POSITIVE_INFINITY,
        ProgressListener.none(), () -> false);
    assertThat(household.placements()).singleElement().satisfies(p -> {
      assertThat(p.places()).isEqualTo(2);
      assertThat(p.explanation().en()).contains("2 places with the family");
      assertThat(p.explanation().ja()).contains("家族を含め2人分");
    });

    PreAssignment tooFar = assigner.assign(List.of(first), List.of(elderlyOnly), 60, ProgressListener.none(), () -> false);
    assertThat(tooFar.unplaced()).singleElement().satisfies(u -> {
      assertThat(u.why()).isEqualTo(Unplaced.Why.TOO_FAR);
      assertThat(u.explanation().en()).contains("more than the 1 min allowed");
    });

    PreAssigner blocked = new PreAssigner((p, from, to, l, c) -> {
      float[] inf = new float[from.size() * to.size()];
      Arrays.fill(inf, Float.POSITIVE_INFINITY);
      boolean[] rows = new boolean[from.size()], cols = new boolean[to.size()];
      Arrays.fill(rows, true);
      Arrays.fill(cols, true);
      return new TravelTimeMatrix(p, from.size(), to.size(), inf, inf.clone(), rows, cols);
    });
    assertThat(blocked.assign(List.of(first), List.of(elderlyOnly), Double.POSITIVE_INFINITY, ProgressListener.none(),
        () -> false).unplaced().get(0).why()).isEqualTo(Unplaced.Why.UNREACHABLE);
  }

  @Test
  void sheltersWithoutAPublishedCapacityAreLeftOut() {
    ShelterSite unknown = Sites.welfare("w1", 500, Set.of(TargetGroup.ELDERLY), null);
    PreAssignment a = assigner.assign(List.of(Sites.careNeeding("r", true, Set.of(), 0)), List.of(unknown),
        Double.POSITIVE_INFINITY, ProgressListener.none(), () -> false);
    assertThat(a.sheltersWithoutCapacity()).containsExactly("w1");
    assertThat(a.unplaced()).singleElement().satisfies(u -> assertThat(u.why()).isEqualTo(Unplaced.Why.NO_SUITABLE_SHELTER));
  }

  @Test
  void runsAsAJobWithProgressAndCanBeCancelled() throws Exception {
    List<ShelterSite> shelters = List.of(Sites.welfare("w1", 500, Set.of(TargetGroup.CARE_NEEDING), 100));
    List<Resident> residents = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      residents.add(Sites.careNeeding("r" + i, true, Set.of(), 0));
    }
    var pool = Executors.newSingleThreadExecutor();
    try {
      PreAssignmentJob job = PreAssignmentJob.start(assigner, residents, shelters, Double.POSITIVE_INFINITY, pool);
      PreAssignment a = job.result().get();
      assertThat(a.placedCount()).isEqualTo(100);
      assertThat(job.progress().finished()).isTrue();
      assertThat(job.progress().fraction()).isEqualTo(1.0);

      PreAssigner slow = new PreAssigner((p, from, to, l, c) -> {
        while (!c.getAsBoolean()) {
          Thread.onSpinWait();
        }
        throw new CancellationException("cancelled");
      });
      PreAssignmentJob cancelled = PreAssignmentJob.start(slow, residents, shelters, Double.POSITIVE_INFINITY, pool);
      cancelled.cancel();
      assertThatThrownBy(() -> cancelled.result().get()).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(CancellationException.class);
      assertThat(cancelled.progress().phase()).isEqualTo("cancelled");
    } finally {
      pool.shutdownNow();
    }
  }

  private static GeoPoint point(SplittableRandom rnd) {
    return GeoPoint.ofLonLat(138.84 + rnd.nextDouble() * 0.04, 35.08 + rnd.nextDouble() * 0.04);
  }
}
