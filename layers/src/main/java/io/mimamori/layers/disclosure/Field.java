package io.mimamori.layers.disclosure;

import java.util.List;

/**
 * The items of a register entry and its plan that a disclosure rule can let through, each with the
 * keys it covers in the resident object that {@code RegisterStore} builds (dotted paths into
 * {@code home}, {@code condition} and {@code plan}). A key that no field names is never sent: the
 * mask copies what is allowed rather than deleting what is not. {@link #PRIORITY} and
 * {@link #PLAN_CHECKS} are the planner's analyses, sent beside the resident object.
 */
public enum Field {
  NAME("family_name", "given_name", "family_name_kana", "given_name_kana"),
  BIRTH_DATE("birth_date"),
  AGE("age"),
  SEX("sex"),
  /** The municipality's register number and the entry's status (active, moved away, ...). */
  REGISTER_ENTRY("register_no", "register_status"),
  PHONE("phone"),
  ADDRESS("home.address"),
  /** The home's point: what puts a person on a map. */
  LOCATION("home.lon", "home.lat"),
  DISTRICT("home.district"),
  HOUSEHOLD("home.composition", "home.member_count", "home.family_frail", "home.alone_daytime"),
  CARE_LEVEL("condition.care_level"),
  /** Which kinds of disability (so a supporter knows to knock for a deaf person); not the grades. */
  DISABILITY("condition.disability_types"),
  /** Certificate grades and the severe motor and intellectual disability flag. */
  DISABILITY_GRADES("condition.physical_disability_grade", "condition.intellectual_disability_grade",
      "condition.mental_disability_grade", "condition.severe_motor_intellectual"),
  MEDICAL_DEVICES("condition.medical_devices", "condition.ventilator_24h"),
  SUPPORT_NEEDS("condition.needs_info_support", "condition.needs_decision_support", "condition.school_status"),
  PLAN_STATUS("plan.id", "plan.status", "plan.version"),
  PLAN_DESTINATION("plan.destination_kind", "plan.destination", "plan.destination_note"),
  PLAN_DETAILS("plan.route_notes", "plan.items_to_carry", "plan.home_hazards", "plan.last_reviewed_on"),
  CARE_MANAGER("plan.care_manager_name", "plan.care_manager_phone"),
  /** The other supporters named in the plan, with their phones. */
  PLAN_SUPPORTERS("plan.supporters"),
  CONSENT("consent"),
  /** Safety checks of active emergencies: status and who is assigned. */
  SAFETY_CHECKS("checks"),
  /**
   * The versions an edit sends back (optimistic locking): the entry's, the household's with its id,
   * and the number of consent decisions; for the register's keepers, who edit.
   */
  EDIT_VERSIONS("version", "home.id", "home.version", "consent_version"),
  /** The priority score, band, reasons and the home's hazards. */
  PRIORITY(),
  /** The plan checks that failed. */
  PLAN_CHECKS();

  private final List<String> paths;

  Field(String... paths) {
    this.paths = List.of(paths);
  }

  /** Dotted paths in the resident object; empty for the analyses sent beside it. */
  public List<String> paths() {
    return paths;
  }

  public String code() {
    return name().toLowerCase();
  }
}
