package io.mimamori.routing.shelter;

import java.util.List;

/** Whether a shelter suits a resident, with every rule's finding (those that refuse it first). */
public record Verdict(boolean eligible, List<Reason> reasons) {

  public Verdict {
    reasons = List.copyOf(reasons);
  }

  /** The findings that refuse the shelter. */
  public List<Reason> refusals() {
    return reasons.stream().filter(r -> !r.allows()).toList();
  }
}
