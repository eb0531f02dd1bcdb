package io.mimamori.routing.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.routing.shelter.Reason.Rule;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each eligibility rule on its own. */
class EligibilityTest {

  private static final Set<Hazard> FLOOD_AND_LANDSLIDE = EnumSet.of(Hazard.FLOOD, Hazard.LANDSLIDE);

  @Test
  void welfareSheltersAreOnlyForPeopleWhoNeedOne() {
    Verdict v = Eligibility.check(Sites.ordinary("r1", Set.of()),
        Sites.welfare("w1", 100, Set.of(TargetGroup.ELDERLY, TargetGroup.FAMILIES), 10), true);
    assertThat(v.eligible()).isFalse();
    assertThat(v.refusals()).extracting(Reason::rule).containsExactly(Rule.WELFARE_NEED);
    assertThat(v.refusals().get(0).text().ja()).contains("福祉避難所");
  }

  @Test
  void welfareSheltersTakeTheirAnnouncedGroups() {
    ShelterSite elderlyHome = Sites.welfare("w1", 100,
        Set.of(TargetGroup.ELDERLY, TargetGroup.DESIGNATED_BY_CITY, TargetGroup.FAMILIES), 10);
    Verdict elderly = Eligibility.check(Sites.careNeeding("r1", true, Set.of(), 0), elderlyHome, true);
    assertThat(elderly.eligible()).isTrue();
    assertThat(elderly.reasons()).filteredOn(r -> r.rule() == Rule.TARGET_GROUP)
        .singleElement().satisfies(r -> {
          assertThat(r.text().en()).isEqualTo("takes elderly people and their families");
          assertThat(r.text().ja()).isEqualTo("高齢者とその家族を受け入れ");
        });

    Verdict young = Eligibility.check(Sites.careNeeding("r2", false, Set.of(), 0), elderlyHome, true);
    assertThat(young.eligible()).isFalse();
    assertThat(young.refusals()).extracting(Reason::rule).containsExactly(Rule.TARGET_GROUP);
    assertThat(young.refusals().get(0).text().en()).startsWith("takes only elderly people");

    ShelterSite disabledHome = Sites.welfare("w2", 100, Set.of(TargetGroup.DISABLED, TargetGroup.FAMILIES), 10);
    assertThat(Eligibility.check(Sites.careNeeding("r3", false, Set.of(Disability.PHYSICAL), 0), disabledHome, true)
        .eligible()).isTrue();
    assertThat(Eligibility.check(Sites.careNeeding("r2", false, Set.of(), 0), disabledHome, true).eligible()).isFalse();

    ShelterSite anyCare = Sites.welfare("w3", 100, Set.of(TargetGroup.CARE_NEEDING, TargetGroup.FAMILIES), 10);
    assertThat(Eligibility.check(Sites.careNeeding("r2", false, Set.of(), 0), anyCare, true).eligible()).isTrue();
    ShelterSite unannounced = Sites.welfare("w4", 100, Set.of(), 10);
    assertThat(Eligibility.check(Sites.careNeeding("r2", false, Set.of(), 0), unannounced, true).eligible()).isTrue();
  }

  @Test
  void childWelfareSheltersTakePupilsAndPreschoolChildrenOfTheirDisabilityType() {
    ShelterSite school = Sites.childShelter("c1", 100, Disability.INTELLECTUAL, 150, 50);
    Verdict pupil = Eligibility.check(Sites.child("k1", Needs.School.SPECIAL_NEEDS_PUPIL,
        Set.of(Disability.INTELLECTUAL), 2), school, true);
    assertThat(pupil.eligible()).isTrue();
    assertThat(pupil.reasons()).extracting(Reason::rule).contains(Rule.CHILD, Rule.DISABILITY_TYPE, Rule.CAPACITY);

    Verdict otherType = Eligibility.check(Sites.child("k2", Needs.School.SPECIAL_NEEDS_PUPIL,
        Set.of(Disability.VISUAL), 0), school, true);
    assertThat(otherType.refusals()).extracting(Reason::rule).containsExactly(Rule.DISABILITY_TYPE);

    Verdict preschool = Eligibility.check(Sites.child("k3", Needs.School.PRESCHOOL_CHILD,
        Set.of(Disability.INTELLECTUAL), 1), school, true);
    assertThat(preschool.eligible()).isTrue();
    Verdict preschoolNoDisability = Eligibility.check(Sites.child("k4", Needs.School.PRESCHOOL_CHILD, Set.of(), 1),
        school, true);
    assertThat(preschoolNoDisability.refusals()).extracting(Reason::rule).containsExactly(Rule.CHILD);
    Verdict adult = Eligibility.check(Sites.careNeeding("r1", true, Set.of(Disability.INTELLECTUAL), 0), school, true);
    assertThat(adult.refusals()).extracting(Reason::rule).containsExactly(Rule.CHILD);
  }

  @Test
  void aSiteMustBeDesignatedForEveryHazardAtHome() {
    Resident r = Sites.ordinary("r1", FLOOD_AND_LANDSLIDE);
    Verdict floodOnly = Eligibility.check(r, Sites.site("s1", 100, EnumSet.of(Hazard.FLOOD, Hazard.EARTHQUAKE)), true);
    assertThat(floodOnly.eligible()).isFalse();
    assertThat(floodOnly.refusals()).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo(Rule.HAZARD);
      assertThat(x.text().en()).isEqualTo("not designated for landslide, a hazard at home");
      assertThat(x.text().ja()).contains("土砂災害");
    });
    assertThat(Eligibility.check(r, Sites.site("s2", 100, FLOOD_AND_LANDSLIDE), true).eligible()).isTrue();
    assertThat(Eligibility.check(r, Sites.site("s3", 100, Set.of()), true).refusals())
        .extracting(Reason::rule).containsExactly(Rule.HAZARD);
  }

  @Test
  void aPlaceWithoutDesignationMustLieOutsideTheHomesHazardZones() {
    Resident r = Sites.ordinary("r1", EnumSet.of(Hazard.FLOOD));
    Verdict inFlood = Eligibility.check(r, Sites.stay("h1", 100, EnumSet.of(Hazard.FLOOD), 300), true);
    assertThat(inFlood.refusals()).extracting(Reason::rule).containsExactly(Rule.HAZARD);
    assertThat(inFlood.refusals().get(0).text().en()).isEqualTo("lies itself in a flood zone, as the home does");
    assertThat(Eligibility.check(r, Sites.stay("h2", 100, EnumSet.of(Hazard.TSUNAMI), 300), true).eligible()).isTrue();
  }

  @Test
  void noHazardAtHomeMeansNoHazardRule() {
    Verdict v = Eligibility.check(Sites.ordinary("r1", Set.of()), Sites.site("s1", 100, Set.of()), true);
    assertThat(v.eligible()).isTrue();
    assertThat(v.reasons()).extracting(Reason::rule).doesNotContain(Rule.HAZARD);
  }

  @Test
  void capacityCountsTheFamilyWhereTheShelterTakesFamilies() {
    Resident withTwo = Sites.careNeeding("r1", true, Set.of(), 2);
    ShelterSite withFamilies = Sites.welfare("w1", 100, Set.of(TargetGroup.ELDERLY, TargetGroup.FAMILIES), 2);
    Verdict full = Eligibility.check(withTwo, withFamilies, true);
    assertThat(full.refusals()).extracting(Reason::rule).containsExactly(Rule.CAPACITY);
    assertThat(full.refusals().get(0).text().en()).isEqualTo("only 2 places left, not enough for a household of 3");
    assertThat(Eligibility.check(withTwo, withFamilies, false).eligible()).as("capacity not asked").isTrue();

    ShelterSite personOnly = Sites.welfare("w2", 100, Set.of(TargetGroup.ELDERLY), 1);
    assertThat(personOnly.placesFor(2)).isEqualTo(1);
    assertThat(Eligibility.check(withTwo, personOnly, true).eligible()).isTrue();

    ShelterSite unknown = Sites.welfare("w3", 100, Set.of(TargetGroup.ELDERLY), null);
    assertThat(Eligibility.check(withTwo, unknown, true).reasons()).filteredOn(x -> x.rule() == Rule.CAPACITY)
        .singleElement().satisfies(x -> assertThat(x.allows()).isTrue());

    ShelterSite noChildPlace = Sites.childShelter("c1", 100, Disability.HEARING, 100, 0);
    Verdict child = Eligibility.check(Sites.child("k1", Needs.School.SPECIAL_NEEDS_PUPIL, Set.of(Disability.HEARING), 1),
        noChildPlace, true);
    assertThat(child.refusals()).extracting(Reason::rule).containsExactly(Rule.CAPACITY);
  }
}
