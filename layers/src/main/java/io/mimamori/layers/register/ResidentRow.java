package io.mimamori.layers.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One resident needing support (避難行動要支援者) for {@link RegisterBulkWriter}: the register items of
 * art. 49-10 and the reasons support is needed. {@code id} and {@code householdId} are local to the
 * load. Vocabularies are the schema's: care level none, support_1..2, care_1..5; disability types;
 * grades (physical 1-6, intellectual A/B, mental 1-3); powered medical devices.
 */
public record ResidentRow(
    long id,
    long householdId,
    String municipalityCode,
    String registerNo,
    String familyName,
    String givenName,
    String familyNameKana,
    String givenNameKana,
    LocalDate birthDate,
    String sex,
    String phone,
    String careLevel,
    List<String> disabilityTypes,
    Integer physicalDisabilityGrade,
    String intellectualDisabilityGrade,
    Integer mentalDisabilityGrade,
    boolean severeMotorIntellectual,
    List<String> medicalDevices,
    boolean ventilator24h,
    boolean needsInfoSupport,
    boolean needsDecisionSupport,
    String schoolStatus,
    String registerStatus,
    LocalDate registeredOn) {

  public static final Set<String> SEXES = Set.of("female", "male", "other", "unknown");
  public static final Set<String> CARE_LEVELS =
      Set.of("none", "support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5");
  public static final Set<String> DISABILITY_TYPES =
      Set.of("physical", "visual", "hearing", "speech", "intellectual", "mental", "developmental",
          "intractable_disease");
  public static final Set<String> MEDICAL_DEVICES =
      Set.of("ventilator", "oxygen", "suction", "dialysis", "feeding_pump", "electric_bed", "other_powered");
  public static final Set<String> SCHOOL_STATUSES = Set.of("none", "special_needs_pupil", "preschool_child");
  public static final Set<String> REGISTER_STATUSES = Set.of("active", "moved_away", "deceased", "in_care_facility");

  public ResidentRow {
    RowChecks.positive(id, "resident id");
    RowChecks.positive(householdId, "household id");
    Objects.requireNonNull(registerNo, "registerNo");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(registeredOn, "registeredOn");
    RowChecks.oneOf(sex, SEXES, "sex");
    RowChecks.oneOf(careLevel, CARE_LEVELS, "care_level");
    disabilityTypes = List.copyOf(disabilityTypes);
    medicalDevices = List.copyOf(medicalDevices);
    RowChecks.allOf(disabilityTypes, DISABILITY_TYPES, "disability_types");
    RowChecks.allOf(medicalDevices, MEDICAL_DEVICES, "medical_devices");
    RowChecks.oneOf(schoolStatus, SCHOOL_STATUSES, "school_status");
    RowChecks.oneOf(registerStatus, REGISTER_STATUSES, "register_status");
    if (physicalDisabilityGrade != null && (physicalDisabilityGrade < 1 || physicalDisabilityGrade > 6)) {
      throw new IllegalArgumentException("physical_disability_grade must be 1..6");
    }
    if (intellectualDisabilityGrade != null && !Set.of("A", "B").contains(intellectualDisabilityGrade)) {
      throw new IllegalArgumentException("intellectual_disability_grade must be A or B");
    }
    if (mentalDisabilityGrade != null && (mentalDisabilityGrade < 1 || mentalDisabilityGrade > 3)) {
      throw new IllegalArgumentException("mental_disability_grade must be 1..3");
    }
    if (ventilator24h && !medicalDevices.contains("ventilator")) {
      throw new IllegalArgumentException("ventilator_24h needs 'ventilator' among the medical devices");
    }
  }
}
