package io.mimamori.layers.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.account.Role;
import io.mimamori.layers.disclosure.Basis;
import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.disclosure.FieldRules;
import java.util.EnumSet;
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

  @Test
  void aViewerIsToldOnlyTheNeedsTheirFieldsShow() {
    Set<Field> supporter = FieldRules.fields(Role.SUPPORTER, Basis.EMERGENCY);
    // a grade 1 certificate or severe motor and intellectual disabilities alone: the grades are not the supporter's
    assertThat(VisitNeed.of(facts("none", Set.of("physical"), 1, false, Set.of(), false, false, false), supporter))
        .isEmpty();
    assertThat(VisitNeed.of(facts("none", Set.of("intellectual"), null, true, Set.of(), false, false, true), supporter))
        .containsExactly(VisitNeed.DECISION_SUPPORT);
    // what the care level, devices and kinds of disability say stays
    assertThat(VisitNeed.of(facts("care_5", Set.of("hearing"), 1, true, Set.of("ventilator"), true, true, false),
        supporter)).containsExactly(VisitNeed.WHEELCHAIR, VisitNeed.TWO_PEOPLE, VisitNeed.VENTILATOR,
        VisitNeed.SIGN_LANGUAGE, VisitNeed.INFO_SUPPORT);
    // the register's keepers read every field, so every need
    assertThat(VisitNeed.of(facts("none", Set.of("physical"), 1, false, Set.of(), false, false, false),
        EnumSet.allOf(Field.class))).containsExactly(VisitNeed.WHEELCHAIR);
    // and without a field nothing derived from it is told
    assertThat(VisitNeed.of(facts("care_5", Set.of("hearing"), null, false, Set.of("oxygen"), false, true, true),
        EnumSet.of(Field.NAME))).isEmpty();
  }
}
