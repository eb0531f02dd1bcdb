package io.mimamori.data.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Divides the town's land into 10-30 named districts (町): the Voronoi cells of seed points spread
 * over the land, cut to the land, named north to south with the names of Numazu's own districts.
 */
final class DistrictPlanner {

  static final String[] NAMES = {
    "大手町", "本町", "上土町", "町方町", "三枚橋町", "高島町", "八幡町", "浅間町", "千本港町", "我入道", "下香貫",
    "上香貫", "大岡", "門池", "金岡", "岡宮", "東椎路", "沢田", "原", "片浜", "今沢", "静浦", "内浦", "西浦",
    "愛鷹", "松長", "平町", "緑ヶ丘", "志下", "獅子浜"
  };

  /** A district in local metres. */
  record Area(String name, Geometry geometry) {}

  private DistrictPlanner() {}

  static List<Area> plan(TownGeography geo, long seed, double scale) {
    int n = (int) Math.max(10, Math.min(NAMES.length, Math.round(18 * Math.sqrt(scale))));
    SplittableRandom r = Seeds.of(seed, "districts");
    double landArea = geo.land.getArea();
    double spacing = Math.sqrt(landArea / n) * 0.7;
    List<Coordinate> seeds = new ArrayList<>();
    for (int attempt = 0; seeds.size() < n && attempt < 20_000; attempt++) {
      double x = r.nextDouble() * geo.width, y = r.nextDouble() * geo.height;
      double minSpacing = attempt < 10_000 ? spacing : spacing * 0.5;
      if (geo.isLand(x, y) && seeds.stream().allMatch(c -> c.distance(new Coordinate(x, y)) >= minSpacing)) {
        seeds.add(new Coordinate(x, y));
      }
    }
    seeds.sort(Comparator.comparingDouble((Coordinate c) -> -Math.round(c.y / 500)).thenComparingDouble(c -> c.x));
    MultiPoint points = TownGeography.GF.createMultiPointFromCoords(seeds.toArray(Coordinate[]::new));
    VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
    vb.setSites(points);
    Envelope clip = new Envelope(-1, geo.width + 1, -1, geo.height + 1);
    vb.setClipEnvelope(clip);
    Geometry cells = vb.getDiagram(TownGeography.GF);
    List<Area> out = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      Coordinate s = seeds.get(i);
      Geometry cell = null;
      for (int k = 0; k < cells.getNumGeometries(); k++) {
        Geometry c = cells.getGeometryN(k);
        if (c.getUserData() instanceof Coordinate site && site.equals2D(s)) {
          cell = c;
          break;
        }
      }
      if (cell == null) {
        continue;
      }
      Geometry onLand = cell.intersection(geo.land);
      Geometry polys = polygons(onLand);
      if (!polys.isEmpty()) {
        out.add(new Area(NAMES[i], polys));
      }
    }
    return out;
  }

  private static Geometry polygons(Geometry g) {
    List<Polygon> ps = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && p.getArea() > 1) {
        ps.add(p);
      }
    }
    return TownGeography.GF.createMultiPolygon(ps.toArray(Polygon[]::new));
  }
}
