package io.mimamori.data.imports.gsi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetGroupsTest {

  @Test
  void kobeWordings() {
    assertThat(TargetGroups.codesFor("要配慮者とその家族等")).containsExactlyInAnyOrder("care_needing", "families");
    assertThat(TargetGroups.codesFor("高齢者・市が特定した者とその家族等"))
        .containsExactlyInAnyOrder("elderly", "designated_by_city", "families");
    assertThat(TargetGroups.codesFor("障害者・市が特定した者とその家族等"))
        .containsExactlyInAnyOrder("disabled", "designated_by_city", "families");
  }

  @Test
  void sendaiTsukubaAndNumazuWordings() {
    assertThat(TargetGroups.codesFor("高齢者")).containsExactly("elderly");
    assertThat(TargetGroups.codesFor("障害者")).containsExactly("disabled");
    assertThat(TargetGroups.codesFor("在校生")).containsExactly("pupils");
    assertThat(TargetGroups.codesFor("要配慮者")).containsExactly("care_needing");
    assertThat(TargetGroups.codesFor("県立沼津特別支援学校の在校生及び卒業生とその家族"))
        .containsExactlyInAnyOrder("pupils", "families");
  }

  @Test
  void kumamotoPrefectureWordings() {
    assertThat(TargetGroups.codesFor("要介護高齢者、障害者、妊産婦、乳幼児等"))
        .containsExactlyInAnyOrder("elderly", "disabled", "pregnant", "infants");
    assertThat(TargetGroups.codesFor("町が特定した在宅の身体障がい者"))
        .containsExactlyInAnyOrder("designated_by_city", "disabled");
    assertThat(TargetGroups.codesFor("災害対策基本法第49条の10に規定する者")).containsExactly("care_needing");
  }

  @Test
  void unknownWordingGivesNoCodes() {
    assertThat(TargetGroups.codesFor("地域の皆さま")).isEmpty();
    assertThat(TargetGroups.codesFor(null)).isEmpty();
  }
}
