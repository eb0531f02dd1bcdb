package io.mimamori.layers.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitNeedTest {

  private static CareFacts facts(String care, Set<String> disabilities, Integer grade, boolean smid, Set<String> devices,
      boolean vent24, boolean info, boolean decision) {
    return new CareFacts(care, disabilities, grade, smid, devices, vent24, info, decision);
  }

  @Test
  void nobodyNeedsAnythingWithoutAReasonOnTheRegister() {
    assertThat(VisitNeed.of(facts("none", Set.of(), null, false, Set.of(), false, false, false))).isEmpty();
    assertThat(VisitNeed.of(facts("care_2", Set.of("physical"), 3, false, Set.of(), false, false, false))).isEmpty();
  }

  @Test
  void wheelchairAndTwoPeopleFollowTheDispatchersRules() {
    assertThat(VisitNeed.of(facts("care_3", Set.of(), null, false, Set.of(), false, false, false)))
        .containsExactly(VisitNeed.WHEELCHAIR);
    assertThat(VisitNeed.of(facts("none", Set.of("physical"), 2, false, Set.of(), false, false, false)))
        .containsExactly(VisitNeed.WHEELCHAIR);
    assertThat(VisitNeed.of(facts("care_5", Set.of(), null, false, Set.of(), false, false, false)))
        .containsExactly(VisitNeed.WHEELCHAIR, VisitNeed.TWO_PEOPLE);
    assertThat(VisitNeed.of(facts("none", Set.of("intellectual"), null, true, Set.of(), false, false, true)))
        .containsExactly(VisitNeed.WHEELCHAIR, VisitNeed.TWO_PEOPLE, VisitNeed.DECISION_SUPPORT);
  }

  @Test
  void devicesAndCommunication() {
    assertThat(VisitNeed.of(facts("none", Set.of(), null, false, Set.of("ventilator", "suction"), true, false, false)))
        .containsExactly(VisitNeed.WHEELCHAIR, VisitNeed.TWO_PEOPLE, VisitNeed.VENTILATOR, VisitNeed.MEDICAL_DEVICE);
    assertThat(VisitNeed.of(facts("none", Set.of(), null, false, Set.of("oxygen"), false, false, false)))
        .containsExactly(VisitNeed.MEDICAL_DEVICE);
    assertThat(VisitNeed.of(facts("none", Set.of("hearing", "speech", "visual"), 4, false, Set.of(), false, true, false)))
        .containsExactly(VisitNeed.SIGN_LANGUAGE, VisitNeed.WRITTEN_NOTES, VisitNeed.GUIDE, VisitNeed.INFO_SUPPORT);
  }
}
