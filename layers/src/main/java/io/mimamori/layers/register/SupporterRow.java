package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One supporter (避難支援等実施者) for {@link RegisterBulkWriter}: a person or an organisation
 * (避難支援等関係者). {@code id} is local to the load; {@code home} may be null (an organisation
 * without a base in town, a relative living elsewhere).
 */
public record SupporterRow(
    long id,
    String municipalityCode,
    String kind,
    String relation,
    String name,
    String phone,
    String address,
    LonLat home,
    List<String> skills) {

  public static final Set<String> KINDS = Set.of("person", "organisation");
  public static final Set<String> RELATIONS =
      Set.of("family", "relative", "neighbour", "neighbourhood_association", "voluntary_disaster_group",
          "welfare_commissioner", "social_welfare_council", "fire_brigade", "police", "care_provider", "other");

  public SupporterRow {
    RowChecks.positive(id, "supporter id");
    Objects.requireNonNull(name, "name");
    RowChecks.oneOf(kind, KINDS, "kind");
    RowChecks.oneOf(relation, RELATIONS, "relation");
    skills = skills == null ? List.of() : List.copyOf(skills);
  }
}
