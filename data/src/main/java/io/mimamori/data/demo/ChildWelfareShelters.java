package io.mimamori.data.demo;

import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.geo.LonLat;
import java.util.List;
import java.util.Set;

/**
 * Kumamoto city's six child welfare shelters (福祉子ども避難所): special-needs schools that, after the
 * 2016 Kumamoto earthquake, agreed to take their pupils and pre-school children with disabilities,
 * with their families, directly from home.
 *
 * <p>Source: Cabinet Office (内閣府), 2021, 「避難行動要支援者の避難行動支援に関する取組指針」 related
 * material, table 【福祉子ども避難所一覧】 (made by the Cabinet Office from Kumamoto city's report to the
 * 3rd meeting of the sub-working group on evacuating elderly people after Typhoon Hagibis, 2019);
 * the project keeps the text in {@code shared/seeds/003_c4ba672da0b4c87e.txt}. 受入可能数 includes
 * family members; the number in brackets is the children with disabilities: 903 (301) in all.
 * The table gives no coordinates: the demo town places the schools on its own land.
 */
final class ChildWelfareShelters {

  static final String SOURCE = "kumamoto_child_welfare_table";
  static final String TARGET_GROUPS_TEXT = "在校生及び未就学の障がい児とその家族";

  /** One row of the table: 施設名, 主な障がい種別 (as printed and as a code), 受入可能数 (うち障がい児等). */
  record Row(int no, String name, String disabilityJapanese, String disability, int capacityPersons, int capacityChildren) {}

  static final List<Row> ROWS = List.of(
      new Row(1, "熊本大学教育学部附属特別支援学校", "知的障がい", "intellectual", 45, 15),
      new Row(2, "熊本県立熊本支援学校", "知的障がい", "intellectual", 150, 50),
      new Row(3, "熊本県立盲学校", "視覚障がい", "visual", 180, 60),
      new Row(4, "熊本県立熊本聾学校", "聴覚障がい", "hearing", 168, 56),
      new Row(5, "熊本県立熊本かがやきの森支援学校", "肢体不自由", "physical", 210, 70),
      new Row(6, "熊本市立平成さくら支援学校", "知的障がい", "intellectual", 150, 50));

  private ChildWelfareShelters() {}

  /** The table's disability wording as the schema's code: 知的→intellectual, 視覚→visual, 聴覚→hearing, 肢体不自由→physical. */
  static String disabilityCode(String japanese) {
    if (japanese.startsWith("知的")) {
      return "intellectual";
    } else if (japanese.startsWith("視覚")) {
      return "visual";
    } else if (japanese.startsWith("聴覚")) {
      return "hearing";
    } else if (japanese.startsWith("肢体不自由")) {
      return "physical";
    }
    throw new IllegalArgumentException("unknown disability type in the child welfare table: " + japanese);
  }

  static Shelter shelter(Row row, LonLat at, String municipalityCode, String address) {
    return new Shelter(municipalityCode, ShelterKind.CHILD_WELFARE_SHELTER, row.name(), address, at, Set.of(),
        TARGET_GROUPS_TEXT, Set.of("pupils", "preschool_disabled", "families"), Set.of(row.disability()),
        row.capacityPersons(), row.capacityChildren(),
        "主な障がい種別: " + row.disabilityJapanese() + "。熊本市の福祉子ども避難所一覧（内閣府 2021）の表から。位置はデモ町のもの",
        SOURCE, Integer.toString(row.no()));
  }
}
