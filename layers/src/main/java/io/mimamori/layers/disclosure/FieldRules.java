package io.mimamori.layers.disclosure;

import static io.mimamori.layers.disclosure.Field.ADDRESS;
import static io.mimamori.layers.disclosure.Field.AGE;
import static io.mimamori.layers.disclosure.Field.CARE_LEVEL;
import static io.mimamori.layers.disclosure.Field.CARE_MANAGER;
import static io.mimamori.layers.disclosure.Field.DISABILITY;
import static io.mimamori.layers.disclosure.Field.DISTRICT;
import static io.mimamori.layers.disclosure.Field.HOUSEHOLD;
import static io.mimamori.layers.disclosure.Field.LOCATION;
import static io.mimamori.layers.disclosure.Field.MEDICAL_DEVICES;
import static io.mimamori.layers.disclosure.Field.NAME;
import static io.mimamori.layers.disclosure.Field.PHONE;
import static io.mimamori.layers.disclosure.Field.PLAN_DESTINATION;
import static io.mimamori.layers.disclosure.Field.PLAN_DETAILS;
import static io.mimamori.layers.disclosure.Field.PLAN_STATUS;
import static io.mimamori.layers.disclosure.Field.PRIORITY;
import static io.mimamori.layers.disclosure.Field.SAFETY_CHECKS;
import static io.mimamori.layers.disclosure.Field.SEX;
import static io.mimamori.layers.disclosure.Field.SUPPORT_NEEDS;

import io.mimamori.layers.account.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each role reads on each basis: the field half of the disclosure policy (the other
 * half, who is visible at all, is {@link VisibleResidents}). A role and basis without a row reads
 * nothing. The register's keepers read everything; the others read what their task needs:
 *
 * <ul>
 *   <li>admin, planner, HQ on the register basis: every field;
 *   <li>HQ (a resident who refused, during an emergency) and dispatchers: what evacuation and safety
 *       checks need: who, where, how to reach them, what help they need, the plan's destination,
 *       the checks and the priority; no birth date, register number, disability grades, care
 *       manager, other supporters, consent or plan checks;
 *   <li>supporters with consent: the same personal items, the plan's destination, route notes and
 *       items to carry, the care manager to call, their checks; no district, priority or analyses;
 *   <li>supporters without consent in an emergency: less again: no plan details or care manager;
 *   <li>shelter staff: who arrived and what care they need; no address, phone or location;
 *   <li>case workers (with consent): who and where, the household and the needs; no plan or priority.
 * </ul>
 */
public final class FieldRules {

  /** What evacuation and safety checks need, for HQ and dispatchers during an emergency. */
  public static final Set<Field> OPERATIONS = Collections.unmodifiableSet(EnumSet.of(NAME, AGE, SEX, PHONE, ADDRESS,
      LOCATION, DISTRICT, HOUSEHOLD, CARE_LEVEL, DISABILITY, MEDICAL_DEVICES, SUPPORT_NEEDS, PLAN_STATUS,
      PLAN_DESTINATION, SAFETY_CHECKS, PRIORITY));
  /** A supporter preparing with the person's consent. */
  public static final Set<Field> SUPPORT_WITH_CONSENT = Collections.unmodifiableSet(EnumSet.of(NAME, AGE, SEX, PHONE,
      ADDRESS, LOCATION, HOUSEHOLD, CARE_LEVEL, DISABILITY, MEDICAL_DEVICES, SUPPORT_NEEDS, PLAN_DESTINATION,
      PLAN_DETAILS, CARE_MANAGER, SAFETY_CHECKS));
  /** A supporter reaching someone without consent during an emergency. */
  public static final Set<Field> SUPPORT_IN_EMERGENCY = Collections.unmodifiableSet(EnumSet.of(NAME, AGE, SEX, PHONE,
      ADDRESS, LOCATION, HOUSEHOLD, CARE_LEVEL, DISABILITY, MEDICAL_DEVICES, SUPPORT_NEEDS, PLAN_DESTINATION,
      SAFETY_CHECKS));
  /** Shelter staff receiving an evacuee. */
  public static final Set<Field> SHELTER_RECEPTION = Collections.unmodifiableSet(EnumSet.of(NAME, AGE, SEX, HOUSEHOLD,
      CARE_LEVEL, DISABILITY, MEDICAL_DEVICES, SUPPORT_NEEDS, SAFETY_CHECKS));
  /** A case worker visiting after the disaster. */
  public static final Set<Field> CASE_MANAGEMENT = Collections.unmodifiableSet(EnumSet.of(NAME, AGE, SEX, PHONE,
      ADDRESS, LOCATION, DISTRICT, HOUSEHOLD, CARE_LEVEL, DISABILITY, MEDICAL_DEVICES, SUPPORT_NEEDS));

  private static final Map<Role, Map<Basis, Set<Field>>> TABLE = new EnumMap<>(Role.class);

  static {
    Set<Field> all = Collections.unmodifiableSet(EnumSet.allOf(Field.class));
    put(Role.ADMIN, Basis.REGISTER, all);
    put(Role.PLANNER, Basis.REGISTER, all);
    put(Role.HQ, Basis.REGISTER, all);
    put(Role.HQ, Basis.EMERGENCY, OPERATIONS);
    put(Role.DISPATCHER, Basis.EMERGENCY, OPERATIONS);
    put(Role.SUPPORTER, Basis.CONSENT, SUPPORT_WITH_CONSENT);
    put(Role.SUPPORTER, Basis.EMERGENCY, SUPPORT_IN_EMERGENCY);
    put(Role.SHELTER_STAFF, Basis.EMERGENCY, SHELTER_RECEPTION);
    put(Role.CASE_WORKER, Basis.CONSENT, CASE_MANAGEMENT);
  }

  private FieldRules() {}

  private static void put(Role role, Basis basis, Set<Field> fields) {
    TABLE.computeIfAbsent(role, r -> new EnumMap<>(Basis.class)).put(basis, fields);
  }

  /** The fields {@code role} reads on {@code basis}; empty when the pair has no rule. */
  public static Set<Field> fields(Role role, Basis basis) {
    return TABLE.getOrDefault(role, Map.of()).getOrDefault(basis, Set.of());
  }

  /**
   * How many fields a pair opens: when several of an account's grants see one resident, the
   * widest one decides (the visibility SQL orders by it).
   */
  public static int breadth(Role role, Basis basis) {
    return fields(role, basis).size();
  }
}
