package io.mimamori.routing.graph;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.routing.util.AllEdgesIterator;

/**
 * The road graph's topology as flat arrays for fast searches: for each node its slots (one per
 * incident edge, loops left out), each slot naming the neighbour and the GraphHopper edge id.
 * Node and edge ids are GraphHopper's. Read-only once built; the arrays returned are the
 * network's own and must not be changed.
 */
public final class RoadNetwork {

  private final int nodes;
  private final int edges;
  private final int[] first;
  private final int[] adjNode;
  private final int[] slotEdge;
  private final int[] baseSlot;
  private final int[] adjSlot;
  private final float[] metres;
  private final double[] lat;
  private final double[] lon;

  private RoadNetwork(BaseGraph g) {
    nodes = g.getNodes();
    edges = g.getEdges();
    first = new int[nodes + 1];
    baseSlot = new int[edges];
    adjSlot = new int[edges];
    metres = new float[edges];
    AllEdgesIterator it = g.getAllEdges();
    while (it.next()) {
      int a = it.getBaseNode(), b = it.getAdjNode();
      if (a != b) {
        first[a + 1]++;
        first[b + 1]++;
      }
    }
    for (int i = 0; i < nodes; i++) {
      first[i + 1] += first[i];
    }
    int slots = first[nodes];
    adjNode = new int[slots];
    slotEdge = new int[slots];
    int[] fill = java.util.Arrays.copyOf(first, nodes);
    it = g.getAllEdges();
    while (it.next()) {
      int e = it.getEdge(), a = it.getBaseNode(), b = it.getAdjNode();
      metres[e] = (float) it.getDistance();
      if (a == b) {
        baseSlot[e] = -1;
        adjSlot[e] = -1;
        continue;
      }
      int sa = fill[a]++, sb = fill[b]++;
      adjNode[sa] = b;
      slotEdge[sa] = e;
      adjNode[sb] = a;
      slotEdge[sb] = e;
      baseSlot[e] = sa;
      adjSlot[e] = sb;
    }
    NodeAccess na = g.getNodeAccess();
    lat = new double[nodes];
    lon = new double[nodes];
    for (int n = 0; n < nodes; n++) {
      lat[n] = na.getLat(n);
      lon[n] = na.getLon(n);
    }
  }

  static RoadNetwork of(BaseGraph g) {
    return new RoadNetwork(g);
  }

  public int nodes() {
    return nodes;
  }

  public int edges() {
    return edges;
  }

  /** Slots of node {@code n} are {@code first[n]} to {@code first[n + 1] - 1}. */
  public int[] first() {
    return first;
  }

  /** The neighbour each slot leads to. */
  public int[] adjNode() {
    return adjNode;
  }

  /** The GraphHopper edge of each slot. */
  public int[] slotEdge() {
    return slotEdge;
  }

  /** The slot of edge {@code e} at its base node (GraphHopper's orientation), -1 for a loop. */
  public int baseSlot(int e) {
    return baseSlot[e];
  }

  /** The slot of edge {@code e} at its adjacent node, -1 for a loop. */
  public int adjSlot(int e) {
    return adjSlot[e];
  }

  /** The slot of edge {@code e} leaving {@code node}, or -1 when the edge does not touch it. */
  public int slotAt(int node, int e) {
    int s = baseSlot[e];
    if (s >= 0 && s >= first[node] && s < first[node + 1]) {
      return s;
    }
    s = adjSlot[e];
    if (s >= 0 && s >= first[node] && s < first[node + 1]) {
      return s;
    }
    return -1;
  }

  /** Length of edge {@code e} along its geometry, metres. */
  public float[] metres() {
    return metres;
  }

  public double lat(int node) {
    return lat[node];
  }

  public double lon(int node) {
    return lon[node];
  }

  long bytes() {
    return 4L * (first.length + adjNode.length + slotEdge.length + baseSlot.length + adjSlot.length + metres.length)
        + 8L * (lat.length + lon.length);
  }
}
