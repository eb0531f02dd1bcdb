package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

class HazardGeneratorTest {

  private static final TownGeography GEO = new TownGeography(TownFrame.NUMAZU, DemoTownSpec.DEFAULT_SEED, List.of());

  @Test
  void zonesAreValidAndCoverARealisticShareOfHomes() {
    List<HazardZone> zones = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, List.of());
    assertThat(zones).allMatch(z -> z.geometry().isValid() && z.source().equals("demo"));
    RoadNetworkBuilder b = new RoadNetworkBuilder(GEO, DemoTownSpec.DEFAULT_SEED);
    b.build();
    HazardIndex idx = new HazardIndex(zones);
    Map<HazardType, Integer> homes = new EnumMap<>(HazardType.class);
    SplittableRandom r = new SplittableRandom(3);
    int n = 4000;
    for (int i = 0; i < n; i++) {
      double[] p = b.homes().sample(r);
      idx.at(GEO.frame.lon(p[0]), GEO.frame.lat(p[1])).forEach(t -> homes.merge(t, 1, Integer::sum));
    }
    // Numazu: much of the low centre floods, a coastal band is in the tsunami zone, few homes on slopes
    assertThat(homes.get(HazardType.FLOOD) / (double) n).isBetween(0.15, 0.45);
    assertThat(homes.get(HazardType.TSUNAMI) / (double) n).isBetween(0.05, 0.30);
    assertThat(homes.get(HazardType.LANDSLIDE) / (double) n).isBetween(0.01, 0.08);
  }

  @Test
  void mostFloodedHomesAreHalfAMetreToThreeMetresDeep() {
    List<HazardZone> zones = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, List.of());
    List<HazardZone> flood = zones.stream().filter(z -> z.type() == HazardType.FLOOD).toList();
    List<PreparedGeometry> byRank = flood.stream().map(z -> PreparedGeometryFactory.prepare(z.geometry())).toList();
    RoadNetworkBuilder b = new RoadNetworkBuilder(GEO, DemoTownSpec.DEFAULT_SEED);
    b.build();
    SplittableRandom r = new SplittableRandom(4);
    int n = 4000;
    int[] ranks = new int[6];
    for (int i = 0; i < n; i++) {
      double[] p = b.homes().sample(r);
      Point pt = TownGeography.GF.createPoint(new Coordinate(GEO.frame.lon(p[0]), GEO.frame.lat(p[1])));
      for (int k = 0; k < flood.size(); k++) {
        if (byRank.get(k).covers(pt)) {
          ranks[flood.get(k).rank()]++;
        }
      }
    }
    double flooded = ranks[1] + ranks[2] + ranks[3] + ranks[4] + ranks[5];
    // the Kano's maximum-scale flood in Numazu: wide, mostly 0.5-3 m, deeper near the river only
    assertThat(ranks[2] / flooded).as("0.5-3 m among flooded homes").isBetween(0.5, 0.8);
    assertThat((ranks[3] + ranks[4] + ranks[5]) / flooded).as("3 m or more among flooded homes").isBetween(0.1, 0.35);
    assertThat((ranks[4] + ranks[5]) / flooded).as("5 m or more among flooded homes").isLessThan(0.08);
    assertThat((ranks[3] + ranks[4] + ranks[5]) / (double) n).as("homes 3 m or more under").isLessThan(0.12);
  }

  /**
   * The lead saw long straight bands and square frames of landslide zones along the frame's top
   * and right side (cells of a slope threshold, cut by the frame): zones must be small irregular
   * patches on real slopes, well inside the frame.
   */
  @ParameterizedTest
  @CsvSource({"20260101, 1.0", "7, 1.0", "11, 4.0", "5, 0.25"})
  void landslideZonesAreIrregularPatchesOnSlopesWellInsideTheFrame(long seed, double scale) {
    TownGeography geo = new TownGeography(TownFrame.of(scale, List.of()), seed, List.of());
    List<HazardZone> zones = HazardGenerator.generate(geo, seed, scale, List.of()).stream()
        .filter(z -> z.type() == HazardType.LANDSLIDE).toList();
    long steep = zones.stream().filter(z -> z.rank() == 1 && z.phenomenon().equals("steep_slope")).count();
    long fans = zones.stream().filter(z -> z.rank() == 1 && z.phenomenon().equals("debris_flow")).count();
    assertThat(steep).isBetween(Math.round(50 * scale), Math.round(100 * scale));
    assertThat(fans).isBetween(Math.round(8 * scale), Math.round(20 * scale));
    assertThat(zones).filteredOn(z -> z.rank() == 2).hasSizeGreaterThan((int) (steep + fans) / 2);
    for (HazardZone z : zones) {
      Geometry local = geo.frame.toLocal(z.geometry());
      Envelope e = local.getEnvelopeInternal();
      String what = z.sourceId();
      assertThat(local.isValid()).as(what).isTrue();
      assertThat(Math.min(Math.min(e.getMinX(), e.getMinY()), Math.min(geo.width - e.getMaxX(), geo.height - e.getMaxY())))
          .as(what + ": distance to the frame").isGreaterThanOrEqualTo(LandslideZones.EDGE_CLEARANCE - 1);
      // real zones: a steep-slope zone about 1 ha, a debris-flow fan up to about 20 ha
      assertThat(local.getArea()).as(what + ": area").isBetween(300.0, 250_000.0);
      assertThat(Math.max(e.getWidth(), e.getHeight())).as(what + ": length").isLessThan(1_100);
      assertThat(axisParallelShare(local)).as(what + ": share of the outline along the axes").isLessThan(0.2);
      double steepest = 0;
      for (Coordinate c : local.getCoordinates()) {
        steepest = Math.max(steepest, geo.slope(c.x, c.y));
      }
      assertThat(steepest).as(what + ": steepest ground in the zone").isGreaterThanOrEqualTo(LandslideZones.FAN_SLOPE * 0.8);
      if (z.phenomenon().equals("steep_slope")) {
        Coordinate c = local.getInteriorPoint().getCoordinate();
        assertThat(geo.slope(c.x, c.y)).as(what + ": slope inside").isGreaterThan(0.05);
      }
    }
  }

  /** The share of a polygon's outline made of edges running exactly east-west or north-south (a raster of cells: 1). */
  private static double axisParallelShare(Geometry g) {
    double along = 0, total = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Coordinate[] cs = ((Polygon) g.getGeometryN(i)).getExteriorRing().getCoordinates();
      for (int k = 1; k < cs.length; k++) {
        double dx = Math.abs(cs[k].x - cs[k - 1].x), dy = Math.abs(cs[k].y - cs[k - 1].y), len = Math.hypot(dx, dy);
        total += len;
        if (dx < 1e-6 * len || dy < 1e-6 * len) {
          along += len;
        }
      }
    }
    return along / total;
  }

  @Test
  void realZonesAreKeptAndGeneratedOnesOfTheirTypeStayOutOfTheirReach() {
    Geometry box = TownGeography.GF.toGeometry(new Envelope(138.80, 138.86, 35.08, 35.12));
    HazardZone real = new HazardZone(HazardType.TSUNAMI, 2, null, "real", "scenario", "plateau", "x", box);
    List<HazardZone> zones = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, List.of(real));
    assertThat(zones.get(0)).isSameAs(real);
    Geometry inside = box.buffer(-1e-6);
    assertThat(zones).filteredOn(z -> z.type() == HazardType.TSUNAMI && z.source().equals("demo"))
        .isNotEmpty().noneMatch(z -> z.geometry().intersects(inside));
    assertThat(zones).filteredOn(z -> z.type() == HazardType.FLOOD && z.source().equals("demo"))
        .anyMatch(z -> z.geometry().intersects(inside));
  }

  @Test
  void noLandslideZoneIsGeneratedInTheBoxOfTheRealOnes() {
    // two real zones on the east hills: their file lists every zone of the box between them
    Geometry a = TownGeography.GF.toGeometry(new Envelope(138.880, 138.882, 35.080, 35.082));
    Geometry b = TownGeography.GF.toGeometry(new Envelope(138.905, 138.907, 35.100, 35.102));
    List<HazardZone> real = List.of(
        new HazardZone(HazardType.LANDSLIDE, 1, "steep_slope", "real a", null, "plateau", "a", a),
        new HazardZone(HazardType.LANDSLIDE, 1, "steep_slope", "real b", null, "plateau", "b", b));
    List<HazardZone> zones = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, real);
    Geometry box = TownGeography.GF.toGeometry(new Envelope(138.880, 138.907, 35.080, 35.102));
    List<HazardZone> generated = zones.stream().filter(z -> z.type() == HazardType.LANDSLIDE && z.source().equals("demo")).toList();
    List<HazardZone> before = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, List.of()).stream()
        .filter(z -> z.type() == HazardType.LANDSLIDE).toList();
    assertThat(before).as("without real zones, some are generated in that box").anyMatch(z -> z.geometry().intersects(box));
    assertThat(generated).isNotEmpty().noneMatch(z -> z.geometry().intersects(box));
    assertThat(zones).contains(real.get(0), real.get(1));
  }
}
