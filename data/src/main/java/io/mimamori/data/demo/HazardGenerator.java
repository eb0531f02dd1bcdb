package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

/**
 * The demo town's hazard zones from the terrain; flood and tsunami zones on a mesh of {@value #CELL} m
 * cells (as the real inundation maps are):
 *
 * <ul>
 *   <li>flood (洪水浸水想定区域): a water level highest at each river and falling off with distance,
 *       rising inland at half the plain's rise, minus the ground; deeper near the river and in low land. Depth ranks as PLATEAU's 浸水ランク:
 *       1 under 0.5 m, 2 to 3 m, 3 to 5 m, 4 to 10 m, 5 over 10 m; one zone per rank.
 *   <li>tsunami (津波浸水想定): a run-up highest at the shore, reaching inland over the low plain and
 *       up the Kano river; ranks 1 under 0.3 m, 2 to 1 m, 3 to 2 m, 4 to 5 m, 5 over 5 m.
 *   <li>landslide (土砂災害警戒区域): steep-slope strips along hillsides and debris-flow fans below
 *       them, warning zones (rank 1) with special warning zones (rank 2) inside
 *       ({@link LandslideZones}).
 * </ul>
 *
 * Real zones given in the spec are kept. A generated flood or tsunami zone is cut away wherever real
 * zones of its type reach (the union of their bounding boxes), so the two never overlap; landslide
 * zones are generated only outside the bounding box of all real landslide zones (a real file lists
 * every zone of its mesh).
 */
final class HazardGenerator {

  static final double CELL = 100;
  static final String SOURCE = "demo";

  private static final double[] FLOOD_DEPTHS = {0.5, 3, 5, 10};
  private static final double[] TSUNAMI_DEPTHS = {0.3, 1, 2, 5};

  private HazardGenerator() {}

  static List<HazardZone> generate(TownGeography geo, long seed, double scale, List<HazardZone> real) {
    int nx = (int) Math.ceil(geo.width / CELL), ny = (int) Math.ceil(geo.height / CELL);
    List<List<Geometry>> flood = bands(5), tsunami = bands(5);
    List<double[]> hillCells = new ArrayList<>();
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double x = (i + 0.5) * CELL, y = (j + 0.5) * CELL;
        if (!geo.isLand(x, y)) {
          continue;
        }
        double e = geo.elevation(x, y);
        double dCoast = geo.distanceToCoast(x, y);
        double level = 0;
        for (int k = 0; k < geo.rivers.size(); k++) {
          River rv = geo.rivers.get(k);
          level = Math.max(level, rv.floodHeight() * Math.exp(-geo.distanceToRiver(k, x, y) / rv.floodReach()));
        }
        // the water surface rises inland at half the plain's rise (as a river's own profile does),
        // so the flood reaches up the valleys, not only round the river mouths
        addBand(flood, FLOOD_DEPTHS, level + 1.5 + 0.5 * TownGeography.plainRise(dCoast) - e, x, y);
        double runup = 10 * Math.exp(-dCoast / 1000)
            + 5 * Math.exp(-geo.distanceToRiver(0, x, y) / 250) * Math.exp(-dCoast / 2500);
        addBand(tsunami, TSUNAMI_DEPTHS, runup + 0.5 - e, x, y);
        if (e >= 10 && e <= 200) {
          double s = geo.slope(x, y);
          if (s >= LandslideZones.FAN_SLOPE) {
            hillCells.add(new double[] {x, y, e, s});
          }
        }
      }
    }
    Map<HazardType, Geometry> realReach = realReach(geo, real);
    List<HazardZone> out = new ArrayList<>(real);
    for (int rank = 1; rank <= 5; rank++) {
      add(out, geo, realReach, HazardType.FLOOD, rank, null, "狩野川水系 洪水浸水想定区域（想定最大規模・デモ）",
          "想定最大規模降雨 (demo)", "flood-" + rank, union(flood.get(rank - 1)));
      add(out, geo, realReach, HazardType.TSUNAMI, rank, null, "津波浸水想定（デモ）", "最大クラスの津波 (demo)",
          "tsunami-" + rank, union(tsunami.get(rank - 1)));
    }
    Geometry landslideReach = extent(geo, real, HazardType.LANDSLIDE);
    for (LandslideZones.Zone z : LandslideZones.generate(geo, seed, scale, hillCells, landslideReach)) {
      Geometry lonLat = geo.frame.toLonLat(z.local());
      out.add(new HazardZone(HazardType.LANDSLIDE, z.rank(), z.phenomenon(), z.name(), null, SOURCE, z.sourceId(),
          lonLat.isValid() ? lonLat : lonLat.buffer(0)));
    }
    return out;
  }

  private static List<List<Geometry>> bands(int n) {
    List<List<Geometry>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }

  private static void addBand(List<List<Geometry>> bands, double[] thresholds, double depth, double x, double y) {
    if (depth < 0.05) {
      return;
    }
    int rank = 1;
    while (rank <= thresholds.length && depth >= thresholds[rank - 1]) {
      rank++;
    }
    bands.get(rank - 1).add(cell(x, y));
  }

  private static Geometry cell(double x, double y) {
    return TownGeography.GF.toGeometry(new Envelope(x - CELL / 2, x + CELL / 2, y - CELL / 2, y + CELL / 2));
  }

  private static Geometry union(List<Geometry> cells) {
    if (cells.isEmpty()) {
      return TownGeography.GF.createMultiPolygon();
    }
    return CoverageUnion.union(TownGeography.GF.buildGeometry(cells));
  }

  /**
   * The bounding box of the real zones of a type, in local metres, or null if there are none. A real
   * landslide file lists every zone of its mesh, so no zone is generated anywhere in that box.
   */
  private static Geometry extent(TownGeography geo, List<HazardZone> real, HazardType type) {
    Envelope e = new Envelope();
    real.stream().filter(z -> z.type() == type).forEach(z -> e.expandToInclude(z.geometry().getEnvelopeInternal()));
    return e.isNull() ? null : geo.frame.toLocal(TownGeography.GF.toGeometry(e));
  }

  /** Per type, the union of the bounding boxes of the real zones, in local metres. */
  private static Map<HazardType, Geometry> realReach(TownGeography geo, List<HazardZone> real) {
    Map<HazardType, List<Geometry>> boxes = new EnumMap<>(HazardType.class);
    for (HazardZone z : real) {
      boxes.computeIfAbsent(z.type(), t -> new ArrayList<>())
          .add(geo.frame.toLocal(TownGeography.GF.toGeometry(z.geometry().getEnvelopeInternal())));
    }
    Map<HazardType, Geometry> out = new EnumMap<>(HazardType.class);
    boxes.forEach((t, list) -> out.put(t, TownGeography.GF.buildGeometry(list).union()));
    return out;
  }

  private static void add(List<HazardZone> out, TownGeography geo, Map<HazardType, Geometry> realReach,
      HazardType type, int rank, String phenomenon, String name, String scenario, String sourceId, Geometry local) {
    Geometry g = local;
    Geometry reach = realReach.get(type);
    if (reach != null) {
      // the snapping overlay: the cell unions and the real zones' boxes share grid lines
      g = OverlayNGRobust.overlay(g, reach, OverlayNG.DIFFERENCE);
    }
    List<Polygon> polys = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && p.getArea() > 10) {
        polys.add(p);
      }
    }
    if (polys.isEmpty()) {
      return;
    }
    Geometry lonLat = geo.frame.toLonLat(TownGeography.GF.createMultiPolygon(polys.toArray(Polygon[]::new)));
    if (!lonLat.isValid()) {
      lonLat = lonLat.buffer(0);
    }
    out.add(new HazardZone(type, rank, phenomenon, name, scenario, SOURCE, sourceId, lonLat));
  }
}
