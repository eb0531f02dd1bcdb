package io.mimamori.layers.field;

import io.mimamori.layers.disclosure.Field;
import java.util.Set;

/**
 * The register's facts about a resident that decide what help a visit takes (codes as stored):
 * care level, disability types and the physical certificate's grade, severe motor and intellectual
 * disabilities, powered medical devices, and whether the person needs help with information or
 * decisions.
 */
public record CareFacts(
    String careLevel,
    Set<String> disabilityTypes,
    Integer physicalDisabilityGrade,
    boolean severeMotorIntellectual,
    Set<String> medicalDevices,
    boolean ventilator24h,
    boolean needsInfoSupport,
    boolean needsDecisionSupport) {

  public CareFacts {
    disabilityTypes = Set.copyOf(disabilityTypes);
    medicalDevices = Set.copyOf(medicalDevices);
  }

  /**
   * These facts as far as {@code readable} lets a viewer read them: a fact of a field not in it
   * counts as not recorded (care level "none", no disability, no grade, no device, no support
   * need), so nothing derived from the copy ({@link VisitNeed#of}) tells of a withheld field.
   */
  public CareFacts limitedTo(Set<Field> readable) {
    boolean grades = readable.contains(Field.DISABILITY_GRADES);
    boolean devices = readable.contains(Field.MEDICAL_DEVICES);
    boolean support = readable.contains(Field.SUPPORT_NEEDS);
    return new CareFacts(readable.contains(Field.CARE_LEVEL) ? careLevel : "none",
        readable.contains(Field.DISABILITY) ? disabilityTypes : Set.of(), grades ? physicalDisabilityGrade : null,
        grades && severeMotorIntellectual, devices ? medicalDevices : Set.of(), devices && ventilator24h,
        support && needsInfoSupport, support && needsDecisionSupport);
  }

  /** Care level 3 to 5 (要介護3-5). */
  public boolean severeCare() {
    return Set.of("care_3", "care_4", "care_5").contains(careLevel);
  }
}
