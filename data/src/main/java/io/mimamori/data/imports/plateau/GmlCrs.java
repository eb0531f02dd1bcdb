package io.mimamori.data.imports.plateau;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate systems PLATEAU (and other Japanese GML) writes hazard data in, all geographic
 * with latitude first as EPSG defines them: EPSG:6697 (JGD2011 + height, three numbers per
 * position unless srsDimension says otherwise), EPSG:6668 (JGD2011), EPSG:4612 (JGD2000) and
 * EPSG:4326 (WGS 84, in its URI forms only, since the short "EPSG:4326" is written in either order
 * in the wild). JGD2011 and JGD2000 differ from WGS 84 by well under a metre, so no datum shift is
 * applied: the positions are only swapped to longitude, latitude.
 */
record GmlCrs(int epsg, boolean latitudeFirst, int defaultDimension) {

  private static final Pattern URI = Pattern.compile(
      "(?:/def/crs/EPSG/0/|urn:ogc:def:crs:EPSG:[0-9.]*:|urn:x-ogc:def:crs:EPSG:[0-9.]*:)(\\d+)$");
  private static final Pattern SHORT = Pattern.compile("^EPSG:(\\d+)$", Pattern.CASE_INSENSITIVE);

  /** The CRS an srsName names, if it is one of those above. */
  static Optional<GmlCrs> parse(String srsName) {
    if (srsName == null) {
      return Optional.empty();
    }
    String s = srsName.strip();
    Matcher uri = URI.matcher(s);
    if (uri.find()) {
      return of(Integer.parseInt(uri.group(1)), true);
    }
    Matcher shortForm = SHORT.matcher(s);
    if (shortForm.matches()) {
      return of(Integer.parseInt(shortForm.group(1)), false);
    }
    return Optional.empty();
  }

  private static Optional<GmlCrs> of(int epsg, boolean uriForm) {
    return switch (epsg) {
      case 6697 -> Optional.of(new GmlCrs(6697, true, 3));
      case 6668 -> Optional.of(new GmlCrs(6668, true, 2));
      case 4612 -> Optional.of(new GmlCrs(4612, true, 2));
      case 4326 -> uriForm ? Optional.of(new GmlCrs(4326, true, 2)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  static String supported() {
    return "EPSG:6697, EPSG:6668, EPSG:4612 or EPSG:4326 (as a URI), latitude first";
  }
}
