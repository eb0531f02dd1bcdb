package io.mimamori.layers.field;

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

  /** Care level 3 to 5 (要介護3-5). */
  public boolean severeCare() {
    return Set.of("care_3", "care_4", "care_5").contains(careLevel);
  }
}
