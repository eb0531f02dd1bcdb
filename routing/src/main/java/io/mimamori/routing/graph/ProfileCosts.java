package io.mimamori.routing.graph;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.EdgeIteratorState;
import io.mimamori.routing.TravelProfile;

/**
 * What each slot of the {@link RoadNetwork} costs on one profile, taken once from GraphHopper's
 * custom-model weighting: the weight searches minimise and the seconds it takes, leaving the
 * slot's node ({@code out}) and arriving at it ({@code in}). A slot that cannot be used in that
 * direction (no access, one-way, priority 0, or in a subnetwork GraphHopper found too small to
 * route in) weighs {@code +∞}. Read-only; the arrays returned are the profile's own.
 */
public final class ProfileCosts {

  private final TravelProfile profile;
  private final float[] weightOut;
  private final float[] weightIn;
  private final float[] secondsOut;
  private final float[] secondsIn;
  private final boolean[] usable;
  private final double minWeightPerMetre;

  private ProfileCosts(TravelProfile profile, RoadNetwork net, BaseGraph g, Weighting w, BooleanEncodedValue subnetwork) {
    this.profile = profile;
    int slots = net.first()[net.nodes()];
    weightOut = new float[slots];
    weightIn = new float[slots];
    secondsOut = new float[slots];
    secondsIn = new float[slots];
    usable = new boolean[net.edges()];
    AllEdgesIterator it = g.getAllEdges();
    while (it.next()) {
      int e = it.getEdge();
      int sa = net.baseSlot(e), sb = net.adjSlot(e);
      if (sa < 0) {
        continue;
      }
      boolean small = subnetwork != null && it.get(subnetwork);
      double fwd = small ? Double.POSITIVE_INFINITY : w.calcEdgeWeight(it, false);
      double bwd = small ? Double.POSITIVE_INFINITY : w.calcEdgeWeight(it, true);
      float sf = seconds(w, it, false, fwd), sbw = seconds(w, it, true, bwd);
      weightOut[sa] = (float) fwd;
      weightIn[sa] = (float) bwd;
      secondsOut[sa] = sf;
      secondsIn[sa] = sbw;
      weightOut[sb] = (float) bwd;
      weightIn[sb] = (float) fwd;
      secondsOut[sb] = sbw;
      secondsIn[sb] = sf;
      usable[e] = Double.isFinite(fwd) || Double.isFinite(bwd);
    }
    minWeightPerMetre = w.calcMinWeightPerDistance();
  }

  private static float seconds(Weighting w, EdgeIteratorState e, boolean reverse, double weight) {
    if (!Double.isFinite(weight)) {
      return Float.POSITIVE_INFINITY;
    }
    return w.calcEdgeMillis(e, reverse) / 1000f;
  }

  static ProfileCosts of(TravelProfile profile, RoadNetwork net, BaseGraph g, Weighting w, BooleanEncodedValue subnetwork) {
    return new ProfileCosts(profile, net, g, w, subnetwork);
  }

  public TravelProfile profile() {
    return profile;
  }

  /** Weight of leaving each slot's node along it. */
  public float[] weightOut() {
    return weightOut;
  }

  /** Weight of arriving at each slot's node along it (from its neighbour). */
  public float[] weightIn() {
    return weightIn;
  }

  public float[] secondsOut() {
    return secondsOut;
  }

  public float[] secondsIn() {
    return secondsIn;
  }

  /** Whether edge {@code e} can be used in at least one direction (and so snapped to). */
  public boolean usable(int e) {
    return usable[e];
  }

  /** A lower bound of weight per metre (for A*-style bounds). */
  public double minWeightPerMetre() {
    return minWeightPerMetre;
  }

  long bytes() {
    return 4L * 4 * weightOut.length + usable.length;
  }
}
