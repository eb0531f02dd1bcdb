package io.mimamori.routing.hazard;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.shapes.BBox;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.graph.RoadNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One set of hazard areas laid over one road graph: which road segments each blocking area takes
 * out (a segment is blocked when its geometry lies inside or crosses the area, touching the
 * boundary included), and which areas contain a point or cross a line. Immutable; built in well
 * under a second for hundreds of areas on a town, so a new set replaces the old one without
 * rebuilding the graph.
 *
 * <p>Blocking areas that overlap, touch or lie within {@value #TOUCH_DEGREES} degrees (about 5 m)
 * of each other form one <em>zone</em>: the depth bands of one flood are separate polygons side by
 * side, and someone in the deepest band leaves through the others. A route starting or ending in a
 * zone may use the segments blocked by that zone's areas only (to leave or reach the point).
 *
 * <p>Blocked segments are grouped by the exact set of areas blocking them (a "combination", 0 =
 * clean), so a search asks in one array look-up whether a segment is clean or inside a zone.
 */
public final class ActiveHazards {

  /** Blocking areas this close (degrees, about 5 m) belong to one zone. */
  public static final double TOUCH_DEGREES = 5e-5;
  /** lon/lat, SRID 4326 */
  public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final ActiveHazards NONE = new ActiveHazards(List.of(), null, null, new int[][] {{}}, 0);

  private final List<HazardArea> areas;
  private final PreparedGeometry[] prepared;
  private final STRtree index = new STRtree();
  private final int[] edgeCombo;
  private final int[][] comboAreas;
  private final int blockedEdges;
  /** Per area, its zone (-1 when it does not block). */
  private final int[] zoneOfArea;
  private final int zoneCount;
  /** Per combination, the zone all its areas belong to, or -1 (clean, or areas of several zones). */
  private final int[] comboZone;
  /** Per zone: per combination, whether its segments lie in that zone. */
  private final boolean[][] usableInZone;
  /** Per zone: the nodes touching its segments, and those of them that also touch a clean segment. */
  private final int[][] zoneNodes;
  private final int[][] zoneBoundary;

  private ActiveHazards(List<HazardArea> areas, RoadNetwork net, int[] edgeCombo, int[][] comboAreas,
      int blockedEdges) {
    this.areas = List.copyOf(areas);
    this.prepared = new PreparedGeometry[areas.size()];
    for (int i = 0; i < areas.size(); i++) {
      prepared[i] = PreparedGeometryFactory.prepare(areas.get(i).geometry());
      index.insert(areas.get(i).geometry().getEnvelopeInternal(), i);
    }
    index.build();
    this.edgeCombo = edgeCombo;
    this.comboAreas = comboAreas;
    this.blockedEdges = blockedEdges;
    this.zoneOfArea = joinZones();
    this.zoneCount = Arrays.stream(zoneOfArea).max().orElse(-1) + 1;
    this.comboZone = new int[comboAreas.length];
    this.usableInZone = new boolean[zoneCount][comboAreas.length];
    comboZone[0] = -1;
    for (int c = 1; c < comboAreas.length; c++) {
      int z = zoneOfArea[comboAreas[c][0]];
      for (int a : comboAreas[c]) {
        if (zoneOfArea[a] != z) {
          z = -1;
        }
      }
      comboZone[c] = z;
      if (z >= 0) {
        usableInZone[z][c] = true;
      }
    }
    int[][] nodes = new int[zoneCount][];
    int[][] boundary = new int[zoneCount][];
    if (net != null && edgeCombo != null) {
      collectZoneNodes(net, nodes, boundary);
    } else {
      Arrays.fill(nodes, new int[0]);
      Arrays.fill(boundary, new int[0]);
    }
    this.zoneNodes = nodes;
    this.zoneBoundary = boundary;
  }

  /** No hazard areas: nothing blocked. */
  public static ActiveHazards none() {
    return NONE;
  }

  /**
   * Lays {@code areas} over {@code graph}. Ids must be unique.
   *
   * @throws IllegalArgumentException on a repeated id
   */
  public static ActiveHazards of(RoadGraph graph, Collection<HazardArea> areas) {
    List<HazardArea> list = List.copyOf(areas);
    Set<String> ids = new HashSet<>();
    for (HazardArea a : list) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("hazard area id " + a.id() + " appears twice");
      }
    }
    if (list.stream().noneMatch(HazardArea::blocks)) {
      return list.isEmpty() ? NONE : new ActiveHazards(list, null, null, new int[][] {{}}, 0);
    }
    BaseGraph g = graph.baseGraph();
    int edges = graph.network().edges();
    // per edge, the blocking areas crossing it, as linked lists through parallel arrays
    int[] headOfEdge = new int[edges];
    Arrays.fill(headOfEdge, -1);
    int[] nextLink = new int[1024];
    int[] areaOfLink = new int[1024];
    int links = 0;
    int[] seenBy = new int[edges];
    Arrays.fill(seenBy, -1);
    LineString[] lineCache = new LineString[edges];
    for (int i = 0; i < list.size(); i++) {
      HazardArea area = list.get(i);
      if (!area.blocks()) {
        continue;
      }
      PreparedGeometry prep = PreparedGeometryFactory.prepare(area.geometry());
      Envelope env = area.geometry().getEnvelopeInternal();
      List<Integer> candidates = new ArrayList<>();
      int areaIndex = i;
      graph.locationIndex().query(new BBox(env.getMinX(), env.getMaxX(), env.getMinY(), env.getMaxY()), e -> {
        if (seenBy[e] != areaIndex) {
          seenBy[e] = areaIndex;
          candidates.add(e);
        }
      });
      for (int e : candidates) {
        LineString line = lineCache[e];
        if (line == null) {
          line = g.getEdgeIteratorState(e, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL).toLineString(false);
          lineCache[e] = line;
        }
        if (!env.intersects(line.getEnvelopeInternal()) || !prep.intersects(line)) {
          continue;
        }
        if (links == nextLink.length) {
          nextLink = Arrays.copyOf(nextLink, links * 2);
          areaOfLink = Arrays.copyOf(areaOfLink, links * 2);
        }
        areaOfLink[links] = i;
        nextLink[links] = headOfEdge[e];
        headOfEdge[e] = links++;
      }
    }
    int[] edgeCombo = new int[edges];
    Map<String, Integer> comboIds = new HashMap<>();
    List<int[]> combos = new ArrayList<>();
    combos.add(new int[0]);
    int blocked = 0;
    for (int e = 0; e < edges; e++) {
      if (headOfEdge[e] < 0) {
        continue;
      }
      blocked++;
      int n = 0;
      for (int l = headOfEdge[e]; l >= 0; l = nextLink[l]) {
        n++;
      }
      int[] set = new int[n];
      n = 0;
      for (int l = headOfEdge[e]; l >= 0; l = nextLink[l]) {
        set[n++] = areaOfLink[l];
      }
      Arrays.sort(set);
      String key = Arrays.toString(set);
      Integer id = comboIds.get(key);
      if (id == null) {
        id = combos.size();
        comboIds.put(key, id);
        combos.add(set);
      }
      edgeCombo[e] = id;
    }
    return new ActiveHazards(list, graph.network(), edgeCombo, combos.toArray(int[][]::new), blocked);
  }

  /** Union-find over blocking areas that overlap, touch or nearly touch; returns each area's zone. */
  private int[] joinZones() {
    int n = areas.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      if (!areas.get(i).blocks()) {
        continue;
      }
      Geometry gi = areas.get(i).geometry();
      Envelope env = new Envelope(gi.getEnvelopeInternal());
      env.expandBy(TOUCH_DEGREES);
      for (Object o : index.query(env)) {
        int j = (Integer) o;
        if (j <= i || !areas.get(j).blocks() || find(parent, i) == find(parent, j)) {
          continue;
        }
        Geometry gj = areas.get(j).geometry();
        if (prepared[i].intersects(gj) || gi.isWithinDistance(gj, TOUCH_DEGREES)) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    int[] zone = new int[n];
    Map<Integer, Integer> ids = new HashMap<>();
    for (int i = 0; i < n; i++) {
      zone[i] = areas.get(i).blocks() ? ids.computeIfAbsent(find(parent, i), k -> ids.size()) : -1;
    }
    return zone;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private void collectZoneNodes(RoadNetwork net, int[][] nodes, int[][] boundary) {
    int[] first = net.first();
    int[] slotEdge = net.slotEdge();
    int[] adj = net.adjNode();
    List<Set<Integer>> sets = new ArrayList<>();
    for (int z = 0; z < zoneCount; z++) {
      sets.add(new HashSet<>());
    }
    for (int u = 0; u < net.nodes(); u++) {
      for (int k = first[u]; k < first[u + 1]; k++) {
        int c = edgeCombo[slotEdge[k]];
        if (c != 0 && comboZone[c] >= 0) {
          sets.get(comboZone[c]).add(u);
          sets.get(comboZone[c]).add(adj[k]);
        }
      }
    }
    for (int z = 0; z < zoneCount; z++) {
      int[] all = sets.get(z).stream().mapToInt(Integer::intValue).sorted().toArray();
      nodes[z] = all;
      boundary[z] = Arrays.stream(all).filter(v -> {
        for (int k = first[v]; k < first[v + 1]; k++) {
          if (edgeCombo[slotEdge[k]] == 0) {
            return true;
          }
        }
        return false;
      }).toArray();
    }
  }

  public List<HazardArea> areas() {
    return areas;
  }

  /** How many road segments the blocking areas take out. */
  public int blockedEdgeCount() {
    return blockedEdges;
  }

  /** True when some area blocks some road segment. */
  public boolean blocksAnything() {
    return edgeCombo != null && blockedEdges > 0;
  }

  /**
   * Per edge, its combination of blocking areas (0 = clean), or null when nothing is blocked. The
   * array is this set's own: do not change it.
   */
  public int[] edgeCombos() {
    return edgeCombo;
  }

  /** The indices into {@link #areas()} of the blocking areas of combination {@code combo}, ascending. */
  public int[] comboAreas(int combo) {
    return comboAreas[combo];
  }

  /** How many zones (groups of touching blocking areas) there are. */
  public int zoneCount() {
    return zoneCount;
  }

  /** The zone of area {@code i}, or -1 when it does not block. */
  public int zoneOfArea(int i) {
    return zoneOfArea[i];
  }

  /** Indices into {@link #areas()} of the blocking areas containing {@code p} (boundary included), ascending. */
  public int[] blockingAreasContaining(GeoPoint p) {
    if (zoneCount == 0) {
      return new int[0];
    }
    Point pt = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
    List<Integer> hits = new ArrayList<>();
    for (Object o : index.query(pt.getEnvelopeInternal())) {
      int i = (Integer) o;
      if (areas.get(i).blocks() && prepared[i].intersects(pt)) {
        hits.add(i);
      }
    }
    return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** The zone containing {@code p}, or -1 when no blocking area contains it. */
  public int zoneContaining(GeoPoint p) {
    int[] direct = blockingAreasContaining(p);
    return direct.length == 0 ? -1 : zoneOfArea[direct[0]];
  }

  /**
   * Per combination, whether its segments lie in zone {@code z} (so that someone starting or
   * ending in it may use them); null for {@code z < 0} or when nothing is blocked. Shared: do not
   * change it.
   */
  public boolean[] usableInZone(int z) {
    return z < 0 || edgeCombo == null ? null : usableInZone[z];
  }

  /** Nodes touching the segments of zone {@code z}, ascending. Shared: do not change it. */
  public int[] zoneNodes(int z) {
    return zoneNodes[z];
  }

  /** Those {@link #zoneNodes} that also touch a clean segment. Shared: do not change it. */
  public int[] zoneBoundary(int z) {
    return zoneBoundary[z];
  }

  /** Every area (blocking or not) the line (lon/lat) touches, in the order of {@link #areas()}. */
  public List<HazardArea> crossedBy(Geometry line) {
    List<HazardArea> out = new ArrayList<>();
    for (int i : indicesCrossedBy(line)) {
      out.add(areas.get(i));
    }
    return out;
  }

  /** Indices into {@link #areas()} of every area the line (lon/lat) touches, ascending. */
  public int[] indicesCrossedBy(Geometry line) {
    List<Integer> hits = new ArrayList<>();
    for (Object o : index.query(line.getEnvelopeInternal())) {
      int i = (Integer) o;
      if (prepared[i].intersects(line)) {
        hits.add(i);
      }
    }
    return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Whether area {@code i} contains {@code p} (boundary included). */
  public boolean contains(int i, GeoPoint p) {
    return prepared[i].intersects(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())));
  }
}
