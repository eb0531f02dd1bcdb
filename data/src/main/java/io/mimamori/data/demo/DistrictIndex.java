package io.mimamori.data.demo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/** Which district a local point lies in (the nearest one for a point on no district, such as a river mouth). */
final class DistrictIndex {

  private final List<DistrictPlanner.Area> areas;
  private final STRtree tree = new STRtree();

  DistrictIndex(List<DistrictPlanner.Area> areas) {
    this.areas = areas;
    for (int i = 0; i < areas.size(); i++) {
      tree.insert(areas.get(i).geometry().getEnvelopeInternal(),
          new Object[] {i, PreparedGeometryFactory.prepare(areas.get(i).geometry())});
    }
    tree.build();
  }

  int indexAt(double x, double y) {
    Point p = TownGeography.GF.createPoint(new Coordinate(x, y));
    int best = Integer.MAX_VALUE;
    for (Object o : tree.query(new Envelope(x, x, y, y))) {
      Object[] e = (Object[]) o;
      if (((PreparedGeometry) e[1]).covers(p)) {
        best = Math.min(best, (Integer) e[0]);
      }
    }
    if (best != Integer.MAX_VALUE) {
      return best;
    }
    double bestD = Double.MAX_VALUE;
    for (int i = 0; i < areas.size(); i++) {
      double d = areas.get(i).geometry().distance(p);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  String nameAt(double x, double y) {
    return areas.get(indexAt(x, y)).name();
  }

  String name(int index) {
    return areas.get(index).name();
  }

  int size() {
    return areas.size();
  }
}
