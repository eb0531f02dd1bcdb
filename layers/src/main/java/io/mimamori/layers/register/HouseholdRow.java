package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.util.Objects;
import java.util.Set;

/**
 * One household row for {@link RegisterBulkWriter}. {@code id} is local to the load (1, 2, ...);
 * the writer shifts it past the ids already stored. {@code districtId} is a stored district id or
 * null. {@code composition}: alone, elderly_couple or with_family.
 */
public record HouseholdRow(
    long id,
    String municipalityCode,
    Integer districtId,
    String address,
    LonLat home,
    String composition,
    int memberCount,
    boolean familyFrail,
    boolean aloneDaytime) {

  public static final Set<String> COMPOSITIONS = Set.of("alone", "elderly_couple", "with_family");

  public HouseholdRow {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(home, "home");
    RowChecks.positive(id, "household id");
    RowChecks.oneOf(composition, COMPOSITIONS, "composition");
    if (memberCount < 1 || memberCount > 30) {
      throw new IllegalArgumentException("member_count must be 1..30, got " + memberCount);
    }
    if (composition.equals("alone") && memberCount != 1) {
      throw new IllegalArgumentException("a household of one person living alone has member_count 1");
    }
  }
}
