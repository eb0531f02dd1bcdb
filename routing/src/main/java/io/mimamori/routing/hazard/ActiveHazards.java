package io.mimamori.routing.hazard;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.shapes.BBox;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.graph.RoadGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Blocked segments are grouped by the exact set of areas blocking them (a "combination", 0 =
 * clean), so a search can ask in one array look-up whether a segment may be used by someone
 * starting inside some of the areas.
 */
public final class ActiveHazards {

  /** lon/lat, SRID 4326 */
  public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final ActiveHazards NONE = new ActiveHazards(List.of(), null, new int[][] {{}}, 0);

  private final List<HazardArea> areas;
  private final PreparedGeometry[] prepared;
  private final STRtree index = new STRtree();
  private final int[] edgeCombo;
  private final int[][] comboAreas;
  private final int blockedEdges;
  private final Map<String, boolean[]> insideCache = new ConcurrentHashMap<>();

  private ActiveHazards(List<HazardArea> areas, int[] edgeCombo, int[][] comboAreas, int blockedEdges) {
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
      return list.isEmpty() ? NONE : new ActiveHazards(list, null, new int[][] {{}}, 0);
    }
    BaseGraph g = graph.baseGraph();
    int edges = graph.network().edges();
    // per edge, the blocking areas crossing it, as a linked list through parallel arrays
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
    return new ActiveHazards(list, edgeCombo, combos.toArray(int[][]::new), blocked);
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

  public int comboCount() {
    return comboAreas.length;
  }

  /** Indices into {@link #areas()} of the blocking areas containing {@code p} (boundary included), ascending. */
  public int[] blockingAreasContaining(GeoPoint p) {
    if (!blocksAnything()) {
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

  /**
   * For someone starting or ending inside the blocking areas {@code inside} (ascending indices):
   * per combination, whether its segments lie in those areas only, so that they may use them to
   * leave or reach the point. Index 0 (clean) is false. Null when {@code inside} is empty.
   */
  public boolean[] usableInside(int[] inside) {
    if (inside.length == 0 || !blocksAnything()) {
      return null;
    }
    return insideCache.computeIfAbsent(Arrays.toString(inside), k -> {
      boolean[] ok = new boolean[comboAreas.length];
      for (int c = 1; c < comboAreas.length; c++) {
        ok[c] = isSubset(comboAreas[c], inside);
      }
      return ok;
    });
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

  static boolean isSubset(int[] small, int[] big) {
    int j = 0;
    for (int x : small) {
      while (j < big.length && big[j] < x) {
        j++;
      }
      if (j == big.length || big[j] != x) {
        return false;
      }
    }
    return true;
  }

  /** Whether two ascending index arrays share an element. */
  public static boolean intersect(int[] a, int[] b) {
    int i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        return true;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }
}
