package io.mimamori.layers.register.edit;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.register.ConsentRow;
import io.mimamori.layers.register.HouseholdRow;
import io.mimamori.layers.register.PlanRow;
import io.mimamori.layers.register.ResidentRow;
import io.mimamori.layers.register.SupporterRow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The register's editable records and their fields, in the API's names (the schema's column names
 * where there is a column): the resident's register items and status, the household, the supporter
 * and the evacuation plan with its supporters in calling order. Vocabularies are the schema's.
 */
public final class EditableEntities {

  public static final String RESIDENT = "resident";
  public static final String HOUSEHOLD = "household";
  public static final String SUPPORTER = "supporter";
  public static final String PLAN = "evacuation_plan";
  public static final String CONSENT = "consent";

  static final Set<String> HAZARDS = Arrays.stream(HazardType.values()).map(HazardType::code).collect(Collectors.toSet());

  static final EntitySchema RESIDENT_SCHEMA = new EntitySchema(RESIDENT, "resident", List.of(
      EditableField.text("family_name", true, 50),
      EditableField.text("given_name", true, 50),
      EditableField.text("family_name_kana", false, 50),
      EditableField.text("given_name_kana", false, 50),
      EditableField.date("birth_date", true),
      EditableField.code("sex", true, ResidentRow.SEXES),
      EditableField.phone("phone"),
      EditableField.code("care_level", true, ResidentRow.CARE_LEVELS),
      EditableField.codes("disability_types", ResidentRow.DISABILITY_TYPES),
      EditableField.integer("physical_disability_grade", false, 1, 6),
      EditableField.code("intellectual_disability_grade", false, Set.of("A", "B")),
      EditableField.integer("mental_disability_grade", false, 1, 3),
      EditableField.flag("severe_motor_intellectual"),
      EditableField.codes("medical_devices", ResidentRow.MEDICAL_DEVICES),
      EditableField.flag("ventilator_24h"),
      EditableField.flag("needs_info_support"),
      EditableField.flag("needs_decision_support"),
      EditableField.code("school_status", true, ResidentRow.SCHOOL_STATUSES),
      EditableField.code("register_status", true, ResidentRow.REGISTER_STATUSES)),
      EditableEntities::checkResident,
      "(SELECT hh.district_id FROM household hh WHERE hh.id = t.household_id) = ?",
      "SELECT t.household_id FROM resident t WHERE t.id = ?",
      "t.id");

  static final EntitySchema HOUSEHOLD_SCHEMA = new EntitySchema(HOUSEHOLD, "household", List.of(
      EditableField.text("address", true, 200),
      EditableField.point("location", "geom", true),
      EditableField.code("composition", true, HouseholdRow.COMPOSITIONS),
      EditableField.integer("member_count", true, 1, 30),
      EditableField.flag("family_frail"),
      EditableField.flag("alone_daytime")),
      EditableEntities::checkHousehold,
      "t.district_id = ?",
      "SELECT t.id FROM household t WHERE t.id = ?",
      "NULL::bigint");

  static final EntitySchema SUPPORTER_SCHEMA = new EntitySchema(SUPPORTER, "supporter", List.of(
      EditableField.code("kind", true, SupporterRow.KINDS),
      EditableField.code("relation", true, SupporterRow.RELATIONS),
      EditableField.text("name", true, 100),
      EditableField.phone("phone"),
      EditableField.text("address", false, 200),
      EditableField.point("location", "geom", false),
      EditableField.texts("skills", 20, 50)),
      after -> {},
      // a district planner may change a supporter who serves no plan outside their district
      """
      NOT EXISTS (SELECT 1 FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id
                  JOIN resident r ON r.id = ep.resident_id JOIN household hh ON hh.id = r.household_id
                  WHERE ps.supporter_id = t.id AND hh.district_id IS DISTINCT FROM ?)""",
      """
      SELECT DISTINCT r.household_id FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id
      JOIN resident r ON r.id = ep.resident_id WHERE ps.supporter_id = ?""",
      "NULL::bigint");

  /** The plan's supporters in calling order: ids in an edit, {id, name} in a snapshot. */
  static final EditableField PLAN_SUPPORTERS = new EditableField("supporters", null, FieldKind.BIGINT_LIST, true,
      Set.of(), 0, 10, 0, null,
      "coalesce((SELECT array_agg(ps.supporter_id ORDER BY ps.ordinal) FROM plan_supporter ps WHERE ps.plan_id = t.id), '{}')",
      """
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name) ORDER BY ps.ordinal)
                FROM plan_supporter ps JOIN supporter s ON s.id = ps.supporter_id WHERE ps.plan_id = t.id), '[]'::jsonb)""");

  static final EntitySchema PLAN_SCHEMA = new EntitySchema(PLAN, "evacuation_plan", List.of(
      EditableField.code("status", true, PlanRow.STATUSES),
      EditableField.code("destination_kind", false, PlanRow.DESTINATION_KINDS),
      new EditableField("destination_shelter_id", "destination_shelter_id", FieldKind.BIGINT, false, Set.of(), 0, 0, 0,
          null, null,
          """
          (SELECT jsonb_build_object('id', s.id, 'name', s.name, 'kind', s.kind) FROM shelter s
           WHERE s.id = t.destination_shelter_id)"""),
      EditableField.text("destination_note", false, 500),
      EditableField.text("route_notes", false, 2000),
      EditableField.texts("items_to_carry", 30, 100),
      EditableField.codes("home_hazards", HAZARDS),
      EditableField.text("care_manager_name", false, 100),
      EditableField.phone("care_manager_phone"),
      EditableField.date("last_reviewed_on", false),
      PLAN_SUPPORTERS),
      EditableEntities::checkPlan,
      "(SELECT hh.district_id FROM resident r JOIN household hh ON hh.id = r.household_id WHERE r.id = t.resident_id) = ?",
      "SELECT r.household_id FROM evacuation_plan t JOIN resident r ON r.id = t.resident_id WHERE t.id = ?",
      "t.resident_id");

  /** Ids an edit may name, and the table each must exist in. */
  static final Map<String, String> REFERENCES = Map.of("destination_shelter_id", "shelter", "supporters", "supporter");

  /** A consent decision (art. 49-11): the fields of a new decision. */
  static final List<EditableField> CONSENT_FIELDS = List.of(
      EditableField.code("state", true, ConsentRow.STATES),
      EditableField.code("basis", true, ConsentRow.BASES),
      EditableField.date("decided_on", true),
      EditableField.text("note", false, 500));

  private EditableEntities() {}

  /** The schema of an entity that the generic update edits (not consent, which only ever adds a decision). */
  static EntitySchema schema(String entity) {
    return switch (entity) {
      case RESIDENT -> RESIDENT_SCHEMA;
      case HOUSEHOLD -> HOUSEHOLD_SCHEMA;
      case SUPPORTER -> SUPPORTER_SCHEMA;
      case PLAN -> PLAN_SCHEMA;
      default -> throw new IllegalArgumentException("not an editable entity: " + entity);
    };
  }

  /** The field names an edit of {@code entity} may carry (besides its version). */
  public static List<String> fieldNames(String entity) {
    if (entity.equals(CONSENT)) {
      return CONSENT_FIELDS.stream().map(EditableField::name).toList();
    }
    return schema(entity).fields().stream().map(EditableField::name).toList();
  }

  private static void checkResident(Map<String, Object> r) {
    List<?> devices = (List<?>) r.get("medical_devices");
    if (Boolean.TRUE.equals(r.get("ventilator_24h")) && !devices.contains("ventilator")) {
      throw new EditRejected("ventilator_24h", "ventilator_24h needs 'ventilator' among the medical_devices");
    }
  }

  private static void checkHousehold(Map<String, Object> h) {
    if ("alone".equals(h.get("composition")) && !Objects.equals(h.get("member_count"), 1)) {
      throw new EditRejected("member_count", "a household of one person living alone has member_count 1");
    }
  }

  private static void checkPlan(Map<String, Object> p) {
    boolean shelter = "shelter".equals(p.get("destination_kind"));
    if (shelter && p.get("destination_shelter_id") == null) {
      throw new EditRejected("destination_shelter_id", "destination_shelter_id is required when destination_kind is shelter");
    }
    if (!shelter && p.get("destination_shelter_id") != null) {
      throw new EditRejected("destination_kind", "destination_kind must be shelter when a destination_shelter_id is given");
    }
  }

  static void checkConsent(Map<String, Object> c) {
    if ("presumed".equals(c.get("state")) && !"ordinance_presumption".equals(c.get("basis"))) {
      throw new EditRejected("basis", "a presumed consent rests on the ordinance (basis ordinance_presumption)");
    }
  }
}
