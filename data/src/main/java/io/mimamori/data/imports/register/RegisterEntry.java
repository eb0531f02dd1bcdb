package io.mimamori.data.imports.register;

import io.mimamori.layers.geo.LonLat;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a register file that read well on its own, before it meets the stored register.
 * {@code change} is null in a full file. {@code person} and {@code home} are null for a row that
 * only changes the status (転出, 死亡, 施設入所). {@code version} is the 更新回数 the row was exported
 * with, or null.
 */
public record RegisterEntry(
    int row, long line, RegisterChange change, String registerNo, String municipalityCode, Person person, Home home,
    Integer version) {

  /** The register items of the person (codes as in the schema). {@code status} null: keep, or active when new. */
  public record Person(
      String familyName,
      String givenName,
      String familyNameKana,
      String givenNameKana,
      LocalDate birthDate,
      String sex,
      String phone,
      String careLevel,
      List<String> disabilityTypes,
      Integer physicalGrade,
      String intellectualGrade,
      Integer mentalGrade,
      boolean severeMotorIntellectual,
      List<String> medicalDevices,
      boolean ventilator24h,
      boolean needsInfoSupport,
      boolean needsDecisionSupport,
      String schoolStatus,
      String status,
      LocalDate registeredOn) {

    /** What two entries of one person share: name (no spaces) and date of birth. */
    public String identity() {
      return JapaneseText.nameKey(familyName, givenName) + "|" + birthDate;
    }
  }

  /**
   * The home: household number (null when the file has none), address as written and as matched,
   * the point when the file gives one (else it is geocoded), and the household's items, each null
   * when the file does not say.
   */
  public record Home(
      String householdNo,
      String address,
      String addressKey,
      LonLat location,
      String composition,
      Integer memberCount,
      Boolean familyFrail,
      Boolean aloneDaytime) {

    public Home withLocation(LonLat at) {
      return new Home(householdNo, address, addressKey, at, composition, memberCount, familyFrail, aloneDaytime);
    }
  }

  public RegisterEntry withHome(Home newHome) {
    return new RegisterEntry(row, line, change, registerNo, municipalityCode, person, newHome, version);
  }
}
