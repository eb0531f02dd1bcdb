package io.mimamori.data.imports.plateau;

import java.util.Locale;

/** Small made-up CityGML documents in the PLATEAU hazard shapes, for tests. Positions are latitude first. */
final class SyntheticCityGml {

  static final String JGD2011 = "http://www.opengis.net/def/crs/EPSG/0/6668";
  static final String JGD2011_HEIGHT = "http://www.opengis.net/def/crs/EPSG/0/6697";

  private SyntheticCityGml() {}

  static String cityModel(String srsName, int srsDimension, String... members) {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\" xmlns:gml=\"http://www.opengis.net/gml\"")
        .append(" xmlns:gen=\"http://www.opengis.net/citygml/generics/2.0\" xmlns:wtr=\"http://www.opengis.net/citygml/waterbody/2.0\"")
        .append(" xmlns:uro=\"https://www.geospatial.jp/iur/uro/3.1\" xmlns:urf=\"https://www.geospatial.jp/iur/urf/3.1\">\n")
        .append("  <gml:boundedBy>\n    <gml:Envelope srsName=\"").append(srsName).append("\" srsDimension=\"")
        .append(srsDimension).append("\">\n      <gml:lowerCorner>35.0 138.0</gml:lowerCorner>\n")
        .append("      <gml:upperCorner>35.2 139.0</gml:upperCorner>\n    </gml:Envelope>\n  </gml:boundedBy>\n");
    for (String m : members) {
      sb.append("  <core:cityObjectMember>\n").append(m).append("  </core:cityObjectMember>\n");
    }
    return sb.append("</core:CityModel>\n").toString();
  }

  /** A tsunami water body whose 浸水ランク is {@code rank} (null: none) with the given polygons. */
  static String tsunami(String id, String rank, String... polygons) {
    StringBuilder sb = new StringBuilder("    <wtr:WaterBody gml:id=\"" + id + "\">\n")
        .append("      <gml:name>架空の津波想定</gml:name>\n")
        .append("      <gen:genericAttributeSet name=\"津波浸水想定\">\n");
    if (rank != null) {
      sb.append("        <gen:stringAttribute name=\"浸水ランク\"><gen:value>").append(rank).append("</gen:value></gen:stringAttribute>\n");
    }
    sb.append("      </gen:genericAttributeSet>\n");
    if (polygons.length > 0) {
      sb.append("      <wtr:lod1MultiSurface><gml:MultiSurface>\n");
      for (String p : polygons) {
        sb.append("        <gml:surfaceMember>").append(p).append("</gml:surfaceMember>\n");
      }
      sb.append("      </gml:MultiSurface></wtr:lod1MultiSurface>\n");
    }
    return sb.append("    </wtr:WaterBody>\n").toString();
  }

  /** A PLATEAU v2 landslide zone (gen:GenericCityObject with 土砂災害警戒区域). */
  static String landslide(String id, String kubun, String genshou, String polygon) {
    return "    <gen:GenericCityObject gml:id=\"" + id + "\">\n"
        + "      <gen:genericAttributeSet name=\"土砂災害警戒区域\">\n"
        + "        <gen:stringAttribute name=\"区域区分\"><gen:value>" + kubun + "</gen:value></gen:stringAttribute>\n"
        + "        <gen:stringAttribute name=\"現象の種類\"><gen:value>" + genshou + "</gen:value></gen:stringAttribute>\n"
        + "        <gen:stringAttribute name=\"区域名\"><gen:value>架空区域</gen:value></gen:stringAttribute>\n"
        + "      </gen:genericAttributeSet>\n"
        + "      <gen:lod0Geometry><gml:MultiSurface><gml:surfaceMember>" + polygon
        + "</gml:surfaceMember></gml:MultiSurface></gen:lod0Geometry>\n"
        + "    </gen:GenericCityObject>\n";
  }

  /** A PLATEAU v4 landslide zone (urf:SedimentDisasterProneArea). */
  static String sedimentArea(String id, String areaType, String disasterType, String polygon) {
    return "    <urf:SedimentDisasterProneArea gml:id=\"" + id + "\">\n"
        + "      <urf:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember>" + polygon
        + "</gml:surfaceMember></gml:MultiSurface></urf:lod1MultiSurface>\n"
        + "      <urf:disasterType>" + disasterType + "</urf:disasterType>\n"
        + "      <urf:areaType>" + areaType + "</urf:areaType>\n"
        + "      <urf:zoneName>架空</urf:zoneName>\n"
        + "    </urf:SedimentDisasterProneArea>\n";
  }

  /** A gml:Polygon with the exterior and interior rings given as position lists. */
  static String polygon(String exterior, String... interiors) {
    StringBuilder sb = new StringBuilder("<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>")
        .append(exterior).append("</gml:posList></gml:LinearRing></gml:exterior>");
    for (String i : interiors) {
      sb.append("<gml:interior><gml:LinearRing><gml:posList>").append(i).append("</gml:posList></gml:LinearRing></gml:interior>");
    }
    return sb.append("</gml:Polygon>").toString();
  }

  /** A closed square ring, latitude first, {@code dimension} numbers per position (a height of 0 when 3). */
  static String square(double minLat, double minLon, double size, int dimension) {
    double[][] corners = {
      {minLat, minLon}, {minLat, minLon + size}, {minLat + size, minLon + size}, {minLat + size, minLon}, {minLat, minLon}
    };
    StringBuilder sb = new StringBuilder();
    for (double[] c : corners) {
      sb.append(String.format(Locale.ROOT, "%.7f %.7f ", c[0], c[1]));
      if (dimension == 3) {
        sb.append("0 ");
      }
    }
    return sb.toString().strip();
  }
}
