package io.mimamori.layers.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a viewer's visible set is bounded by districts, and when it is not. */
class DistrictBoundTest {

  private static Viewer viewer(RoleGrant... grants) {
    return new Viewer(1, "bound.test", "222038", List.of(grants));
  }

  @Test
  void districtScopedKeepersAreBoundedByTheirDistricts() {
    assertThat(VisibleResidents.districtBound(viewer(new RoleGrant(Role.PLANNER, 7, null)))).contains(java.util.Set.of(7));
    assertThat(VisibleResidents.districtBound(viewer(new RoleGrant(Role.PLANNER, 7, null),
        new RoleGrant(Role.HQ, 3, null)))).contains(java.util.Set.of(3, 7));
  }

  @Test
  void anyGrantBeyondADistrictRemovesTheBound() {
    assertThat(VisibleResidents.districtBound(viewer(RoleGrant.everywhere(Role.PLANNER)))).isEmpty();
    assertThat(VisibleResidents.districtBound(viewer(new RoleGrant(Role.PLANNER, 7, null),
        RoleGrant.everywhere(Role.DISPATCHER)))).isEmpty();
    // a supporter's people live anywhere: their grant's district (if any) does not bound them
    assertThat(VisibleResidents.districtBound(viewer(new RoleGrant(Role.PLANNER, 7, null),
        new RoleGrant(Role.SUPPORTER, 7, 42L)))).isEmpty();
    assertThat(VisibleResidents.districtBound(viewer(RoleGrant.atShelter(5)))).isEmpty();
    assertThat(VisibleResidents.districtBound(viewer())).isEmpty();
  }
}
