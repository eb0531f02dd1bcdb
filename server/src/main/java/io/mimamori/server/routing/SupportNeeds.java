package io.mimamori.server.routing;

import io.mimamori.layers.register.ResidentNeeds;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.shelter.Disability;
import io.mimamori.routing.shelter.Hazard;
import io.mimamori.routing.shelter.Needs;
import io.mimamori.routing.shelter.Resident;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the register's facts about a resident ({@link ResidentNeeds}) become what routing needs: the
 * way they travel, the shelters they may go to, and what a visit to them takes. The rules, in one
 * place:
 *
 * <ul>
 *   <li><b>Travel</b>: by wheelchair (the {@code wheelchair} profile: no steps, no steep or rough
 *       ways) with care level 3 to 5, a physical disability certificate of grade 1 or 2, severe
 *       motor and intellectual disabilities, or a ventilator; on foot otherwise.
 *   <li><b>Welfare shelter</b>: needed with care level 3 to 5, a physical disability certificate
 *       of grade 1 or 2, an intellectual disability certificate of grade A, severe motor and
 *       intellectual disabilities, or a ventilator. Pupils of special-needs schools and
 *       pre-school children with disabilities go to child welfare shelters. Together these are the
 *       residents the pre-assignment places. Elderly: 65 or over on the day asked. Family members:
 *       the rest of the household.
 *   <li><b>Visit</b> (a safety check or help to evacuate): the skills {@value #WHEELCHAIR_TRANSFER}
 *       for wheelchair travellers, {@value #MEDICAL_DEVICE} with any powered medical device and
 *       {@value #SIGN_LANGUAGE} with a hearing disability; two people with care level 5, severe
 *       motor and intellectual disabilities or a 24-hour ventilator (someone to carry, someone to
 *       carry the device); 10 minutes at the door, 10 more to help a wheelchair user out, 5 more
 *       with a medical device and 5 more when the person needs help with information or decisions.
 * </ul>
 */
public final class SupportNeeds {

  public static final String WHEELCHAIR_TRANSFER = "wheelchair_transfer";
  public static final String MEDICAL_DEVICE = "medical_device";
  public static final String SIGN_LANGUAGE = "sign_language";
  /**
   * Held by fire brigade and police teams only, and given by the server (never by a request): a
   * resident who refused to share their entry is visible to them alone, so only they are sent.
   */
  public static final String RESCUE_SERVICE = "rescue_service";

  /** What one visit to a resident takes. */
  public record Visit(Set<String> skills, int peopleNeeded, double serviceSeconds) {}

  private SupportNeeds() {}

  public static TravelProfile profile(ResidentNeeds r) {
    return severeCare(r) || physicalGrade12(r) || r.severeMotorIntellectual() || r.medicalDevices().contains("ventilator")
        ? TravelProfile.WHEELCHAIR : TravelProfile.FOOT;
  }

  public static boolean needsWelfareShelter(ResidentNeeds r) {
    return severeCare(r) || physicalGrade12(r) || "A".equals(r.intellectualDisabilityGrade())
        || r.severeMotorIntellectual() || r.medicalDevices().contains("ventilator");
  }

  /** A pupil of a special-needs school, or a pre-school child with a disability. */
  public static boolean childWelfareCase(ResidentNeeds r) {
    return "special_needs_pupil".equals(r.schoolStatus())
        || ("preschool_child".equals(r.schoolStatus()) && !r.disabilityTypes().isEmpty());
  }

  /** Whom the welfare shelter pre-assignment places. */
  public static boolean needsWelfarePlacement(ResidentNeeds r) {
    return needsWelfareShelter(r) || childWelfareCase(r);
  }

  /** The resident as destinations and pre-assignment see them, on their own profile. */
  public static Resident resident(ResidentNeeds r, LocalDate today) {
    return resident(r, profile(r), today);
  }

  public static Resident resident(ResidentNeeds r, TravelProfile profile, LocalDate today) {
    Set<Disability> disabilities = EnumSet.noneOf(Disability.class);
    for (String d : r.disabilityTypes()) {
      disabilities.add(Disability.fromCode(d));
    }
    Needs.School school = switch (r.schoolStatus()) {
      case "special_needs_pupil" -> Needs.School.SPECIAL_NEEDS_PUPIL;
      case "preschool_child" -> Needs.School.PRESCHOOL_CHILD;
      default -> Needs.School.NONE;
    };
    boolean elderly = Period.between(r.birthDate(), today).getYears() >= 65;
    Needs needs = new Needs(needsWelfareShelter(r), elderly, disabilities, school, false, false, false);
    Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
    for (String h : r.homeHazards()) {
      hazards.add(Hazard.fromCode(h));
    }
    return new Resident(Long.toString(r.id()), profile, home(r), hazards, needs,
        Math.max(0, Math.min(29, r.householdMembers() - 1)));
  }

  public static GeoPoint home(ResidentNeeds r) {
    return GeoPoint.ofLonLat(r.home().lon(), r.home().lat());
  }

  public static Visit visit(ResidentNeeds r) {
    Set<String> skills = new TreeSet<>();
    boolean wheelchair = profile(r) == TravelProfile.WHEELCHAIR;
    if (wheelchair) {
      skills.add(WHEELCHAIR_TRANSFER);
    }
    if (!r.medicalDevices().isEmpty()) {
      skills.add(MEDICAL_DEVICE);
    }
    if (r.disabilityTypes().contains("hearing")) {
      skills.add(SIGN_LANGUAGE);
    }
    int people = "care_5".equals(r.careLevel()) || r.severeMotorIntellectual() || r.ventilator24h() ? 2 : 1;
    double seconds = 600 + (wheelchair ? 600 : 0) + (r.medicalDevices().isEmpty() ? 0 : 300)
        + (r.needsInfoSupport() || r.needsDecisionSupport() ? 300 : 0);
    return new Visit(Set.copyOf(skills), people, seconds);
  }

  private static boolean severeCare(ResidentNeeds r) {
    return Set.of("care_3", "care_4", "care_5").contains(r.careLevel());
  }

  private static boolean physicalGrade12(ResidentNeeds r) {
    return r.physicalDisabilityGrade() != null && r.physicalDisabilityGrade() <= 2;
  }
}
