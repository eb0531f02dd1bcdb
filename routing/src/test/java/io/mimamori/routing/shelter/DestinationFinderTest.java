package io.mimamori.routing.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.StraightLineTimes;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.TravelTimeSource;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Destinations ranked by travel time among the shelters the rules allow, with what was passed over. */
class DestinationFinderTest {

  private final DestinationFinder straight = new DestinationFinder(StraightLineTimes.typical());

  @Test
  void theNearestSiteNotDesignatedForTheHomesHazardIsPassedOver() {
    Resident r = Sites.ordinary("r1", EnumSet.of(Hazard.FLOOD));
    List<ShelterSite> shelters = List.of(
        Sites.site("near", 200, EnumSet.of(Hazard.EARTHQUAKE)),
        Sites.site("second", 600, EnumSet.of(Hazard.FLOOD, Hazard.EARTHQUAKE)),
        Sites.site("third", 900, EnumSet.of(Hazard.FLOOD)),
        Sites.site("far", 3000, EnumSet.of(Hazard.FLOOD)));
    ResidentDestinations d = straight.find(List.of(r), shelters, 2, ProgressListener.none(), () -> false).get(0);
    assertThat(d.status()).isEqualTo(ResidentDestinations.Status.FOUND);
    assertThat(d.best()).extracting(Destination::shelterId).containsExactly("second", "third");
    assertThat(d.best()).extracting(Destination::rank).containsExactly(1, 2);
    assertThat(d.best().get(0).seconds()).isLessThan(d.best().get(1).seconds());
    assertThat(d.best().get(0).explanation().en())
        .isEqualTo("second school (designated evacuation site): 11 min on foot, 779 m; designated for flood, the hazards at home");
    assertThat(d.best().get(0).explanation().ja()).startsWith("second school（指定緊急避難場所）：徒歩11分（779m）。");
    assertThat(d.passedOver()).extracting(PassedOver::shelterId).containsExactly("near");
    assertThat(d.passedOver().get(0).explanation().en()).contains("not designated for flood");
    assertThat(d.summary().en()).startsWith("3 suitable shelters within reach; best: second school");
  }

  @Test
  void anUnreachableNearerShelterIsPassedOverWithWhy() {
    Resident r = Sites.careNeeding("r1", true, Set.of(), 1);
    List<ShelterSite> shelters = List.of(
        Sites.welfare("uphill", 150, Set.of(TargetGroup.ELDERLY, TargetGroup.FAMILIES), 20),
        Sites.welfare("downhill", 500, Set.of(TargetGroup.ELDERLY, TargetGroup.FAMILIES), 20));
    TravelTimeSource blockedFirst = (p, from, to, l, c) -> {
      TravelTimeMatrix m = StraightLineTimes.typical().matrix(p, from, to, l, c);
      float[] s = new float[from.size() * to.size()];
      float[] metres = new float[s.length];
      for (int i = 0; i < from.size(); i++) {
        for (int j = 0; j < to.size(); j++) {
          s[i * to.size() + j] = j == 0 ? Float.POSITIVE_INFINITY : (float) m.seconds(i, j);
          metres[i * to.size() + j] = j == 0 ? Float.POSITIVE_INFINITY : (float) m.metres(i, j);
        }
      }
      return matrix(p, from, to, s, metres, true);
    };
    ResidentDestinations d = new DestinationFinder(blockedFirst)
        .find(List.of(r), shelters, 3, ProgressListener.none(), () -> false).get(0);
    assertThat(d.best()).extracting(Destination::shelterId).containsExactly("downhill");
    assertThat(d.passedOver()).singleElement().satisfies(p -> {
      assertThat(p.shelterId()).isEqualTo("uphill");
      assertThat(p.seconds()).isInfinite();
      assertThat(p.reasons()).extracting(Reason::rule).containsExactly(Reason.Rule.TRAVEL);
      assertThat(p.explanation().en()).contains("cannot be reached by wheelchair");
    });
  }

  @Test
  void saysWhenNothingSuitsOrNothingSuitableCanBeReachedOrTheHomeIsOffTheRoads() {
    Resident ordinary = Sites.ordinary("r1", Set.of());
    List<ShelterSite> welfareOnly = List.of(Sites.welfare("w1", 100, Set.of(TargetGroup.ELDERLY), 10));
    assertThat(straight.find(List.of(ordinary), welfareOnly, 3, ProgressListener.none(), () -> false).get(0).status())
        .isEqualTo(ResidentDestinations.Status.NONE_SUITABLE);

    List<ShelterSite> oneSite = List.of(Sites.site("s1", 100, Set.of()));
    TravelTimeSource nothing = (p, from, to, l, c) -> {
      float[] inf = new float[from.size() * to.size()];
      Arrays.fill(inf, Float.POSITIVE_INFINITY);
      return matrix(p, from, to, inf, inf.clone(), true);
    };
    ResidentDestinations none = new DestinationFinder(nothing)
        .find(List.of(ordinary), oneSite, 3, ProgressListener.none(), () -> false).get(0);
    assertThat(none.status()).isEqualTo(ResidentDestinations.Status.NONE_REACHABLE);
    assertThat(none.summary().ja()).contains("到達できる避難先がありません");

    TravelTimeSource offRoad = (p, from, to, l, c) -> {
      float[] inf = new float[from.size() * to.size()];
      Arrays.fill(inf, Float.POSITIVE_INFINITY);
      return matrix(p, from, to, inf, inf.clone(), false);
    };
    assertThat(new DestinationFinder(offRoad).find(List.of(ordinary), oneSite, 3, ProgressListener.none(), () -> false)
        .get(0).status()).isEqualTo(ResidentDestinations.Status.HOME_OFF_NETWORK);
  }

  @Test
  void eachResidentTravelsOnTheirOwnProfile() {
    Resident walker = new Resident("a", TravelProfile.FOOT, Sites.HOME, Set.of(), Needs.ordinary(false), 0);
    Resident chair = new Resident("b", TravelProfile.WHEELCHAIR, Sites.HOME, Set.of(), Needs.ordinary(false), 0);
    List<ResidentDestinations> d = straight.find(List.of(walker, chair), List.of(Sites.site("s1", 900, Set.of())), 1,
        ProgressListener.none(), () -> false);
    assertThat(d).extracting(ResidentDestinations::residentId).containsExactly("a", "b");
    double ratio = d.get(1).best().get(0).seconds() / d.get(0).best().get(0).seconds();
    assertThat(ratio).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
  }

  private static TravelTimeMatrix matrix(TravelProfile p, List<GeoPoint> from, List<GeoPoint> to, float[] s,
      float[] m, boolean onNetwork) {
    boolean[] rows = new boolean[from.size()], cols = new boolean[to.size()];
    Arrays.fill(rows, onNetwork);
    Arrays.fill(cols, true);
    return new TravelTimeMatrix(p, from.size(), to.size(), s, m, rows, cols);
  }
}
