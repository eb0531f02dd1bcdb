package io.mimamori.layers.field;

import io.mimamori.layers.disclosure.Field;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a supporter at the door needs to know to help, derived from the register's {@link
 * CareFacts} by the same rules the dispatcher plans with (wheelchair travel, two people, powered
 * devices, sign language):
 *
 * <ul>
 *   <li>{@link #WHEELCHAIR}: care level 3 to 5, a physical disability certificate of grade 1 or 2,
 *       severe motor and intellectual disabilities, or a ventilator;
 *   <li>{@link #TWO_PEOPLE}: care level 5, severe motor and intellectual disabilities, or a 24-hour
 *       ventilator (someone to carry the person, someone to carry the device);
 *   <li>{@link #VENTILATOR}: a ventilator, whose power must not fail; {@link #MEDICAL_DEVICE}: any
 *       other powered device (oxygen, suction, dialysis, feeding pump, electric bed, other);
 *   <li>{@link #SIGN_LANGUAGE}: a hearing disability; {@link #WRITTEN_NOTES}: a speech disability;
 *       {@link #GUIDE}: a visual disability (guide by the arm, describe the way);
 *   <li>{@link #INFO_SUPPORT}, {@link #DECISION_SUPPORT}: as recorded on the register.
 * </ul>
 *
 * <p>A need sent to someone is derived only from the fields the disclosure policy lets them read
 * ({@link #of(CareFacts, Set)}), since a need can betray the fact behind it. The inputs by field:
 * care level ({@link Field#CARE_LEVEL}), disability types ({@link Field#DISABILITY}), the physical
 * certificate's grade and severe motor and intellectual disabilities ({@link
 * Field#DISABILITY_GRADES}), devices and the 24-hour ventilator ({@link Field#MEDICAL_DEVICES}),
 * info and decision support ({@link Field#SUPPORT_NEEDS}).
 */
public enum VisitNeed {
  WHEELCHAIR("wheelchair"),
  TWO_PEOPLE("two_people"),
  VENTILATOR("ventilator"),
  MEDICAL_DEVICE("medical_device"),
  SIGN_LANGUAGE("sign_language"),
  WRITTEN_NOTES("written_notes"),
  GUIDE("guide"),
  INFO_SUPPORT("info_support"),
  DECISION_SUPPORT("decision_support");

  private final String code;

  VisitNeed(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * The needs a viewer who reads only {@code readable} may be told: {@link #of(CareFacts)} over
   * the facts of those fields alone ({@link CareFacts#limitedTo}).
   *
   * <p>Decision: a fact the viewer may not read does not count, even though the need itself is
   * coarser than the fact. Supporters and dispatchers never read certificate grades (FieldRules),
   * and "wheelchair" for someone with neither care level 3 to 5 nor a ventilator would tell them
   * the person holds a grade 1 or 2 certificate or has severe motor and intellectual disabilities;
   * so for them a wheelchair or second person follows only from the care level and devices. The
   * dispatcher's planning still uses every fact on the server (the route's travel and team), it
   * just does not hand the reason to the phone. Kinds of disability (hearing, speech, visual) are
   * readable by supporters, so sign language, written notes and guiding stay.
   */
  public static Set<VisitNeed> of(CareFacts f, Set<Field> readable) {
    return of(f.limitedTo(readable));
  }

  /** The needs of one resident from all their facts, in this enum's order (most physical first). */
  public static Set<VisitNeed> of(CareFacts f) {
    Set<VisitNeed> out = EnumSet.noneOf(VisitNeed.class);
    boolean ventilator = f.medicalDevices().contains("ventilator");
    boolean gradeOneOrTwo = f.physicalDisabilityGrade() != null && f.physicalDisabilityGrade() <= 2;
    if (f.severeCare() || gradeOneOrTwo || f.severeMotorIntellectual() || ventilator) {
      out.add(WHEELCHAIR);
    }
    if ("care_5".equals(f.careLevel()) || f.severeMotorIntellectual() || f.ventilator24h()) {
      out.add(TWO_PEOPLE);
    }
    if (ventilator) {
      out.add(VENTILATOR);
    }
    if (f.medicalDevices().stream().anyMatch(d -> !d.equals("ventilator"))) {
      out.add(MEDICAL_DEVICE);
    }
    if (f.disabilityTypes().contains("hearing")) {
      out.add(SIGN_LANGUAGE);
    }
    if (f.disabilityTypes().contains("speech")) {
      out.add(WRITTEN_NOTES);
    }
    if (f.disabilityTypes().contains("visual")) {
      out.add(GUIDE);
    }
    if (f.needsInfoSupport()) {
      out.add(INFO_SUPPORT);
    }
    if (f.needsDecisionSupport()) {
      out.add(DECISION_SUPPORT);
    }
    return out;
  }
}
