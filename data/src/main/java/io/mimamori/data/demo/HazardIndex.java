package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/** Which hazard zones cover a lon/lat point: the types, and for landslides whether a special warning zone. */
final class HazardIndex {

  private record Entry(HazardZone zone, PreparedGeometry geometry) {}

  private final STRtree tree = new STRtree();

  HazardIndex(List<HazardZone> zones) {
    for (HazardZone z : zones) {
      tree.insert(z.geometry().getEnvelopeInternal(), new Entry(z, PreparedGeometryFactory.prepare(z.geometry())));
    }
    tree.build();
  }

  /** The hazard types whose zones cover the point (flood, tsunami, landslide, ...), in enum order. */
  Set<HazardType> at(double lon, double lat) {
    Set<HazardType> out = EnumSet.noneOf(HazardType.class);
    Point p = TownGeography.GF.createPoint(new Coordinate(lon, lat));
    for (Object o : tree.query(new Envelope(lon, lon, lat, lat))) {
      Entry e = (Entry) o;
      if (!out.contains(e.zone().type()) && e.geometry().covers(p)) {
        out.add(e.zone().type());
      }
    }
    return out;
  }
}
