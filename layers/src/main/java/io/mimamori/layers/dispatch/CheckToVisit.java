package io.mimamori.layers.dispatch;

/**
 * A safety check as the dispatcher plans it: the check, its resident, the priority score it was
 * opened with, its status now, the supporter it is assigned to (null when none), and whether the
 * resident refused to share their entry (then only fire brigade or police may be sent: art. 49-11
 * and the disclosure rules in DOMAIN.md).
 */
public record CheckToVisit(long checkId, long residentId, int priorityScore, String status, Long assignedSupporterId,
    boolean consentRefused) {

  /** Statuses after which nobody needs to go: the resident is safe, gone, or handed to fire and police. */
  public static final java.util.Set<String> CLOSED =
      java.util.Set.of("safe_at_home", "evacuated", "not_at_home", "could_not_reach");

  /** Whether someone still needs to go (not assigned, assigned, on the way, or needs help). */
  public boolean open() {
    return !CLOSED.contains(status);
  }
}
