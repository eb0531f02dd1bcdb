package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The register's facts that decide how a resident travels, which shelters take them and what a
 * visit to them takes: no name, address or phone. Codes as in the database.
 *
 * @param home the household's point
 * @param householdMembers people in the household, the resident included
 * @param homeHazards hazard codes of the stored zones containing the home
 * @param districtId the household's district, null when none
 */
public record ResidentNeeds(
    long id,
    LonLat home,
    Integer districtId,
    LocalDate birthDate,
    String sex,
    String careLevel,
    Set<String> disabilityTypes,
    Integer physicalDisabilityGrade,
    String intellectualDisabilityGrade,
    boolean severeMotorIntellectual,
    Set<String> medicalDevices,
    boolean ventilator24h,
    boolean needsInfoSupport,
    boolean needsDecisionSupport,
    String schoolStatus,
    int householdMembers,
    Set<String> homeHazards) {

  public ResidentNeeds {
    Objects.requireNonNull(home, "home");
    disabilityTypes = Set.copyOf(disabilityTypes);
    medicalDevices = Set.copyOf(medicalDevices);
    homeHazards = Set.copyOf(homeHazards);
  }
}
