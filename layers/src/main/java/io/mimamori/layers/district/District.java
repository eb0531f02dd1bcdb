package io.mimamori.layers.district;

import java.util.Objects;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A town district (町丁目 / 地区) of one municipality: the unit planners and HQ filter by. The
 * geometry is lon/lat (EPSG:4326), a polygon or multipolygon; it is stored as a multipolygon.
 */
public record District(String municipalityCode, String name, Geometry geometry) {

  private static final Pattern CODE = Pattern.compile("[0-9]{5,6}");

  public District {
    Objects.requireNonNull(geometry, "geometry");
    if (municipalityCode == null || !CODE.matcher(municipalityCode).matches()) {
      throw new IllegalArgumentException("municipality code must be 5 or 6 digits");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a district needs a name");
    }
    if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
      throw new IllegalArgumentException("a district is a polygon or multipolygon, got " + geometry.getGeometryType());
    }
  }
}
