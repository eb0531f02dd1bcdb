package io.mimamori.data.imports.plateau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.data.imports.RowProblem;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

class GmlRingsTest {

  private static final GmlCrs JGD2011_3D = GmlCrs.parse("http://www.opengis.net/def/crs/EPSG/0/6697").orElseThrow();
  private static final GmlCrs JGD2011_2D = GmlCrs.parse("http://www.opengis.net/def/crs/EPSG/0/6668").orElseThrow();

  @Test
  void crsNamesAndTheirUsualDimensions() {
    assertThat(JGD2011_3D.defaultDimension()).isEqualTo(3);
    assertThat(JGD2011_3D.latitudeFirst()).isTrue();
    assertThat(JGD2011_2D.defaultDimension()).isEqualTo(2);
    assertThat(GmlCrs.parse("urn:ogc:def:crs:EPSG::6697")).map(GmlCrs::epsg).contains(6697);
    assertThat(GmlCrs.parse("EPSG:6668")).map(GmlCrs::epsg).contains(6668);
    assertThat(GmlCrs.parse("http://www.opengis.net/def/crs/EPSG/0/6677")).isEmpty(); // plane rectangular IX
    assertThat(GmlCrs.parse("EPSG:4326")).isEmpty(); // the short form is written in both axis orders
  }

  @Test
  void latitudeFirstPositionsBecomeLongitudeLatitude() throws RowProblem {
    double[] latLonH = {35.10, 138.80, 1.5, 35.10, 138.81, 1.5, 35.11, 138.81, 1.5, 35.10, 138.80, 1.5};
    LinearRing ring = GmlRings.ring(latLonH, 3, JGD2011_3D, "ring");
    assertThat(ring.getCoordinateN(0).x).isEqualTo(138.80);
    assertThat(ring.getCoordinateN(0).y).isEqualTo(35.10);
    assertThat(ring.getCoordinateN(2).x).isEqualTo(138.81);
    assertThat(ring.getCoordinateN(2).y).isEqualTo(35.11);
    assertThat(ring.isClosed()).isTrue();
  }

  @Test
  void aCountThatIsNotAMultipleOfTheDimensionIsRefused() {
    double[] odd = {35.10, 138.80, 35.10, 138.81, 35.11, 138.81, 35.10};
    assertThatThrownBy(() -> GmlRings.ring(odd, 2, JGD2011_2D, "feature f1, polygon 1, exterior ring"))
        .isInstanceOf(RowProblem.class)
        .hasMessageContaining("feature f1")
        .hasMessageContaining("7 numbers, not a multiple of srsDimension 2");
  }

  @Test
  void shortUnclosedAndMisplacedRingsAreRefused() {
    assertThatThrownBy(() -> GmlRings.ring(new double[] {35.1, 138.8, 35.1, 138.81, 35.1, 138.8}, 2, JGD2011_2D, "r"))
        .hasMessageContaining("3 positions");
    assertThatThrownBy(() -> GmlRings.ring(
            new double[] {35.1, 138.8, 35.1, 138.81, 35.11, 138.81, 35.12, 138.8}, 2, JGD2011_2D, "r"))
        .hasMessageContaining("not closed");
    // longitude first by mistake: the point lands outside Japan, and the reason says why
    assertThatThrownBy(() -> GmlRings.ring(
            new double[] {138.8, 35.1, 138.81, 35.1, 138.81, 35.11, 138.8, 35.1}, 2, JGD2011_2D, "r"))
        .hasMessageContaining("outside Japan")
        .hasMessageContaining("swapped");
  }

  @Test
  void edgeSharingPolygonsAreMergedIntoOneValidPolygon() throws RowProblem {
    Polygon left = square(138.80, 35.10, 138.81, 35.11);
    Polygon right = square(138.81, 35.10, 138.82, 35.11);
    var multi = GmlRings.multi(List.of(left, right));
    assertThat(multi.isValid()).isFalse();
    Geometry merged = GmlRings.valid(multi);
    assertThat(merged.isValid()).isTrue();
    assertThat(merged.getNumGeometries()).isEqualTo(1);
    assertThat(merged.getArea()).isCloseTo(left.getArea() + right.getArea(), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aValidMultiPolygonIsKeptAsItIs() throws RowProblem {
    var multi = GmlRings.multi(List.of(square(138.80, 35.10, 138.81, 35.11), square(138.83, 35.10, 138.84, 35.11)));
    assertThat((Object) GmlRings.valid(multi)).isSameAs(multi);
  }

  private static Polygon square(double minLon, double minLat, double maxLon, double maxLat) throws RowProblem {
    double[] latLon = {minLat, minLon, minLat, maxLon, maxLat, maxLon, maxLat, minLon, minLat, minLon};
    return GmlRings.polygon(GmlRings.ring(latLon, 2, JGD2011_2D, "square"), List.of());
  }
}
