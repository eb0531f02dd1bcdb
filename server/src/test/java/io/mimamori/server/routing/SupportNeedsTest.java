package io.mimamori.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.register.ResidentNeeds;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.shelter.Disability;
import io.mimamori.routing.shelter.Hazard;
import io.mimamori.routing.shelter.Needs;
import io.mimamori.routing.shelter.Resident;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupportNeedsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static ResidentNeeds person(String care, Set<String> disabilities, Integer physical, String intellectual,
      boolean severe, Set<String> devices, boolean vent24, String school, int household) {
    return new ResidentNeeds(42, LonLat.of(138.86, 35.10), 3, LocalDate.of(1940, 5, 1), "female", care, disabilities,
        physical, intellectual, severe, devices, vent24, false, true, school, household, Set.of("flood"));
  }

  @Test
  void anOrdinaryElderlyPersonWalksAndNeedsNoWelfareShelter() {
    ResidentNeeds r = person("care_1", Set.of(), null, null, false, Set.of(), false, "none", 1);
    assertThat(SupportNeeds.profile(r)).isEqualTo(TravelProfile.FOOT);
    assertThat(SupportNeeds.needsWelfarePlacement(r)).isFalse();
    Resident res = SupportNeeds.resident(r, TODAY);
    assertThat(res.id()).isEqualTo("42");
    assertThat(res.needs().elderly()).isTrue();
    assertThat(res.homeHazards()).containsExactly(Hazard.FLOOD);
    assertThat(res.companions()).isZero();
    SupportNeeds.Visit v = SupportNeeds.visit(r);
    assertThat(v.skills()).isEmpty();
    assertThat(v.peopleNeeded()).isEqualTo(1);
    assertThat(v.serviceSeconds()).isEqualTo(600 + 300); // decision support
  }

  @Test
  void careLevelFiveTravelsByWheelchairNeedsAWelfareShelterAndTwoPeople() {
    ResidentNeeds r = person("care_5", Set.of("physical"), 1, null, false, Set.of("ventilator"), true, "none", 3);
    assertThat(SupportNeeds.profile(r)).isEqualTo(TravelProfile.WHEELCHAIR);
    assertThat(SupportNeeds.needsWelfareShelter(r)).isTrue();
    Resident res = SupportNeeds.resident(r, TODAY);
    assertThat(res.needs().disabilities()).containsExactly(Disability.PHYSICAL);
    assertThat(res.companions()).isEqualTo(2);
    SupportNeeds.Visit v = SupportNeeds.visit(r);
    assertThat(v.skills()).containsExactlyInAnyOrder(SupportNeeds.WHEELCHAIR_TRANSFER, SupportNeeds.MEDICAL_DEVICE);
    assertThat(v.peopleNeeded()).isEqualTo(2);
    assertThat(v.serviceSeconds()).isEqualTo(600 + 600 + 300 + 300);
  }

  @Test
  void aSpecialNeedsPupilGoesToAChildWelfareShelterAndAHearingDisabilityAsksForSignLanguage() {
    ResidentNeeds r = person("none", Set.of("hearing"), null, null, false, Set.of(), false, "special_needs_pupil", 4);
    assertThat(SupportNeeds.needsWelfareShelter(r)).isFalse();
    assertThat(SupportNeeds.childWelfareCase(r)).isTrue();
    assertThat(SupportNeeds.needsWelfarePlacement(r)).isTrue();
    assertThat(SupportNeeds.resident(r, TODAY).needs().school()).isEqualTo(Needs.School.SPECIAL_NEEDS_PUPIL);
    assertThat(SupportNeeds.visit(r).skills()).containsExactly(SupportNeeds.SIGN_LANGUAGE);
    ResidentNeeds preschoolNoDisability = person("none", Set.of(), null, null, false, Set.of(), false, "preschool_child", 3);
    assertThat(SupportNeeds.needsWelfarePlacement(preschoolNoDisability)).isFalse();
  }

  @Test
  void intellectualGradeANeedsAWelfareShelterButWalks() {
    ResidentNeeds r = person("none", Set.of("intellectual"), null, "A", false, Set.of(), false, "none", 2);
    assertThat(SupportNeeds.needsWelfareShelter(r)).isTrue();
    assertThat(SupportNeeds.profile(r)).isEqualTo(TravelProfile.FOOT);
  }
}
