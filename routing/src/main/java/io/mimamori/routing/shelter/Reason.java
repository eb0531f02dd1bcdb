package io.mimamori.routing.shelter;

/**
 * One rule's finding about a resident and a shelter: which rule, whether it allows the shelter,
 * and why in words.
 */
public record Reason(Rule rule, boolean allows, Text text) {

  /** The rules a destination must pass, in the order they are checked. */
  public enum Rule {
    /** Welfare shelters take only people who need one. */
    WELFARE_NEED,
    /** A welfare shelter's announced target groups. */
    TARGET_GROUP,
    /** Child welfare shelters take their pupils and pre-school children with disabilities. */
    CHILD,
    /** The child's disability is the type the school takes. */
    DISABILITY_TYPE,
    /** Designated for the hazards at the home, or at least not in the same hazard zones. */
    HAZARD,
    /** Places left for the person and the family members who come. */
    CAPACITY,
    /** Reachable on the road network on the person's profile with the active blocks. */
    TRAVEL
  }
}
