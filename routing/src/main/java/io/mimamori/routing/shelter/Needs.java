package io.mimamori.routing.shelter;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a resident needs from a shelter, as plain facts the caller derives from the register (no
 * names, no care details beyond these).
 *
 * @param needsWelfareShelter the person needs a welfare shelter (for example care level 3-5,
 *     physical disability grade 1-2, intellectual grade A, severe motor and intellectual
 *     disabilities, a ventilator); only such people go to welfare shelters
 * @param elderly aged 65 or over
 * @param disabilities the types of disability the person has
 * @param school whether the person is a pupil of a special-needs school or a pre-school child with
 *     disabilities (child welfare shelters)
 * @param pregnant pregnant or just delivered
 * @param infant an infant
 * @param namedByCity the city has named the person for welfare shelters (市が特定した者)
 */
public record Needs(
    boolean needsWelfareShelter,
    boolean elderly,
    Set<Disability> disabilities,
    School school,
    boolean pregnant,
    boolean infant,
    boolean namedByCity) {

  /** School status for child welfare shelters. */
  public enum School { NONE, SPECIAL_NEEDS_PUPIL, PRESCHOOL_CHILD }

  public Needs {
    disabilities = disabilities == null ? Set.of() : Set.copyOf(disabilities);
    school = school == null ? School.NONE : school;
  }

  /** Someone who needs no welfare shelter. */
  public static Needs ordinary(boolean elderly) {
    return new Needs(false, elderly, Set.of(), School.NONE, false, false, false);
  }

  /** The target groups the person belongs to (never {@link TargetGroup#FAMILIES}). */
  public Set<TargetGroup> groups() {
    Set<TargetGroup> g = EnumSet.noneOf(TargetGroup.class);
    if (needsWelfareShelter) {
      g.add(TargetGroup.CARE_NEEDING);
    }
    if (elderly) {
      g.add(TargetGroup.ELDERLY);
    }
    if (!disabilities.isEmpty()) {
      g.add(TargetGroup.DISABLED);
    }
    if (school == School.SPECIAL_NEEDS_PUPIL) {
      g.add(TargetGroup.PUPILS);
    }
    if (school == School.PRESCHOOL_CHILD && !disabilities.isEmpty()) {
      g.add(TargetGroup.PRESCHOOL_DISABLED);
    }
    if (pregnant) {
      g.add(TargetGroup.PREGNANT);
    }
    if (infant) {
      g.add(TargetGroup.INFANTS);
    }
    if (namedByCity) {
      g.add(TargetGroup.DESIGNATED_BY_CITY);
    }
    return g;
  }
}
