package io.mimamori.data.imports.plateau;

import io.mimamori.data.imports.CountingInputStream;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.ImportProgress;
import io.mimamori.data.imports.RowProblem;
import io.mimamori.data.imports.UnreadableFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.LinearRing;

/**
 * Streams a CityGML file with StAX and hands over each city object (a child of
 * core:cityObjectMember or gml:featureMember) as a {@link CityGmlFeature}, one at a time, so a
 * file of any size is read in constant memory apart from the features kept. Elements are matched
 * by local name, so CityGML 1.0/2.0, GML 3.1/3.2 and every PLATEAU uro/urf version read alike.
 *
 * <p>The CRS and dimension of a position list are inherited: its own srsDimension, else the
 * nearest enclosing element's srsName/srsDimension, else the file's gml:Envelope, else the CRS's
 * usual dimension. Never guessed from the numbers. External entities and DTDs are refused.
 */
final class CityGmlScanner {

  private static final Set<String> POLYGONS = Set.of("Polygon", "PolygonPatch", "Triangle");
  private static final Set<String> LEAF_VALUES = Set.of("areaType", "disasterType", "zoneName", "zoneNumber");
  private static final int PROGRESS_EVERY = 50;

  /** The coordinate system in force: a supported CRS, a dimension if one was declared, or why it cannot be used. */
  private record Srs(GmlCrs crs, Integer dimension, String problem) {
    static final Srs NONE = new Srs(null, null, null);

    Srs override(XMLStreamReader r) {
      String srsName = r.getAttributeValue(null, "srsName");
      String srsDimension = r.getAttributeValue(null, "srsDimension");
      if (srsName == null && srsDimension == null) {
        return this;
      }
      GmlCrs c = crs;
      Integer dim = dimension;
      String why = problem;
      if (srsName != null) {
        GmlCrs parsed = GmlCrs.parse(srsName).orElse(null);
        if (parsed == null) {
          c = null;
          why = "unsupported srsName " + srsName + "; expected " + GmlCrs.supported();
        } else {
          if (crs == null || parsed.epsg() != crs.epsg()) {
            dim = null;
          }
          c = parsed;
          why = null;
        }
      }
      if (srsDimension != null) {
        String d = srsDimension.strip();
        if (d.equals("2") || d.equals("3")) {
          dim = Integer.parseInt(d);
        } else {
          why = "srsDimension must be 2 or 3";
        }
      }
      return new Srs(c, dim, why);
    }

    int effectiveDimension() {
      return dimension != null ? dimension : crs.defaultDimension();
    }
  }

  private final String file;
  private final ImportOptions options;
  private final long size;

  CityGmlScanner(String file, ImportOptions options, long size) {
    this.file = file;
    this.options = options;
    this.size = size;
  }

  /** Reads the whole stream; returns how many features were handed over. */
  int scan(CountingInputStream in, Consumer<CityGmlFeature> handler) throws UnreadableFileException {
    XMLStreamReader r = null;
    int featureNo = 0;
    try {
      r = factory().createXMLStreamReader(in);
      while (!r.isStartElement()) {
        if (r.getEventType() == XMLStreamConstants.DTD) {
          throw new UnreadableFileException(file, line(r),
              "has a DOCTYPE declaration; CityGML has none, and DTDs and external entities are not read");
        }
        if (r.getEventType() == XMLStreamConstants.END_DOCUMENT) {
          throw new UnreadableFileException(file, line(r), "holds no XML element");
        }
        r.next();
      }
      if (!"CityModel".equals(r.getLocalName())) {
        throw new UnreadableFileException(file, line(r),
            "not CityGML: the root element is " + r.getLocalName() + ", expected CityModel");
      }
      Srs srs = Srs.NONE.override(r);
      while (r.next() != XMLStreamConstants.END_DOCUMENT) {
        if (!r.isStartElement()) {
          continue;
        }
        String ln = r.getLocalName();
        if (ln.equals("boundedBy")) {
          srs = envelope(r, srs);
        } else if (ln.equals("cityObjectMember") || ln.equals("featureMember") || ln.equals("featureMembers")) {
          boolean many = ln.equals("featureMembers");
          while (nextChild(r)) {
            featureNo++;
            handler.accept(feature(r, srs, featureNo));
            if (featureNo % PROGRESS_EVERY == 0) {
              options.checkCancelled(file);
              options.progress().update(file, ImportProgress.Phase.READING, in.count(), size);
            }
            if (!many) {
              skipRest(r);
              break;
            }
          }
        } else {
          skip(r);
        }
      }
      options.progress().update(file, ImportProgress.Phase.READING, size, size);
      return featureNo;
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      String message = String.valueOf(e.getMessage());
      int at = message.indexOf("Message: ");
      throw new UnreadableFileException(file, loc == null ? 0 : loc.getLineNumber(),
          "not well-formed XML: " + (at >= 0 ? message.substring(at + 9) : message).strip(), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a stream the caller closes
        }
      }
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  /** The file-wide CRS from the CityModel's gml:Envelope; an unsupported one makes the file unreadable. */
  private Srs envelope(XMLStreamReader r, Srs srs) throws XMLStreamException, UnreadableFileException {
    Srs found = srs;
    while (nextChild(r)) {
      if (r.getLocalName().equals("Envelope")) {
        found = srs.override(r);
        if (found.problem() != null) {
          throw new UnreadableFileException(file, line(r), found.problem());
        }
      }
      skip(r);
    }
    return found;
  }

  private CityGmlFeature feature(XMLStreamReader r, Srs srs, int number) throws XMLStreamException {
    CityGmlFeature f = new CityGmlFeature(number, line(r), r.getLocalName(), r.getAttributeValue(null, "id"));
    walk(r, f, srs.override(r), null, null, 0);
    return f;
  }

  /** Reads the children of the current element, collecting what a hazard zone needs, up to its end tag. */
  private void walk(XMLStreamReader r, CityGmlFeature f, Srs srs, String property, String risk, int depth)
      throws XMLStreamException {
    while (nextChild(r)) {
      String ln = r.getLocalName();
      String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
      Srs here = srs.override(r);
      String prop = depth == 0 ? ln : property;
      boolean gml = ns.contains("opengis.net/gml");
      boolean generics = ns.contains("citygml/generics");
      if (gml && depth == 0 && ln.equals("name")) {
        f.name = text(r);
      } else if (gml && POLYGONS.contains(ln)) {
        polygon(r, f, here, prop);
      } else if (generics && ln.equals("genericAttributeSet")) {
        String set = r.getAttributeValue(null, "name");
        if (set != null) {
          f.attributeSets.add(set);
        }
        walk(r, f, here, prop, risk, depth + 1);
      } else if (generics && ln.endsWith("Attribute")) {
        String attribute = r.getAttributeValue(null, "name");
        String value = genericValue(r);
        if (attribute != null && value != null) {
          f.attributes.putIfAbsent(attribute, value);
        }
      } else if (risk != null && ln.equals("rank")) {
        f.riskElement = risk;
        f.riskRank = text(r);
      } else if (Character.isUpperCase(ln.charAt(0)) && ln.endsWith("RiskAttribute")) {
        walk(r, f, here, prop, ln, depth + 1);
      } else if (LEAF_VALUES.contains(ln)) {
        String v = text(r);
        if (v != null) {
          f.values.putIfAbsent(ln, v);
        }
      } else {
        walk(r, f, here, prop, risk, depth + 1);
      }
    }
  }

  private void polygon(XMLStreamReader r, CityGmlFeature f, Srs srs, String property) throws XMLStreamException {
    int index = f.polygonCount() + 1;
    String where = f.label() + ", polygon " + index;
    if (srs.problem() != null || srs.crs() == null) {
      f.problem(new RowProblem("srsName", where + ": "
          + (srs.problem() != null ? srs.problem() : "no srsName on the geometry or the file, so the axis order is unknown")));
      skip(r);
      return;
    }
    LinearRing exterior = null;
    List<LinearRing> interiors = new ArrayList<>();
    boolean broken = false;
    while (nextChild(r)) {
      String ln = r.getLocalName();
      if (ln.equals("exterior") || ln.equals("interior")) {
        String ringName = ln.equals("exterior") ? "exterior ring" : "interior ring " + (interiors.size() + 1);
        LinearRing ring = ring(r, f, srs.override(r), where + ", " + ringName);
        if (ring == null) {
          broken = true;
        } else if (ln.equals("exterior")) {
          exterior = ring;
        } else {
          interiors.add(ring);
        }
      } else {
        skip(r);
      }
    }
    if (broken) {
      return;
    }
    if (exterior == null) {
      f.problem(new RowProblem("gml:exterior", where + " has no exterior ring"));
      return;
    }
    f.addPolygon(property, GmlRings.polygon(exterior, interiors));
  }

  /** Reads a gml:exterior or gml:interior up to its end tag; null (and the feature's problem set) if it is no ring. */
  private LinearRing ring(XMLStreamReader r, CityGmlFeature f, Srs srs, String where) throws XMLStreamException {
    Srs ringSrs = srs;
    List<double[]> lists = new ArrayList<>();
    int dimension = 0;
    boolean failed = false;
    String unsupported = null;
    while (nextChild(r)) {
      String ln = r.getLocalName();
      if (!ln.equals("LinearRing")) {
        unsupported = "gml:" + ln;
        skip(r);
        continue;
      }
      ringSrs = srs.override(r);
      while (nextChild(r)) {
        String inner = r.getLocalName();
        Srs listSrs = ringSrs.override(r);
        if (failed || !(inner.equals("posList") || inner.equals("pos"))) {
          unsupported = failed ? unsupported : "gml:" + inner;
          skip(r);
        } else if (listSrs.problem() != null || listSrs.crs() == null) {
          f.problem(new RowProblem("srsName", where + ": "
              + (listSrs.problem() != null ? listSrs.problem() : "no srsName, so the axis order is unknown")));
          failed = true;
          skip(r);
        } else {
          dimension = listSrs.effectiveDimension();
          ringSrs = listSrs;
          double[] numbers = numbers(r, f, where);
          if (numbers == null) {
            failed = true;
          } else {
            lists.add(numbers);
          }
        }
      }
    }
    if (failed) {
      return null;
    }
    if (lists.isEmpty()) {
      f.problem(new RowProblem("gml:posList", where + ": no gml:posList or gml:pos"
          + (unsupported == null ? "" : " (" + unsupported + " is not supported)")));
      return null;
    }
    double[] numbers = lists.size() == 1 ? lists.get(0) : lists.stream().flatMapToDouble(Arrays::stream).toArray();
    try {
      return GmlRings.ring(numbers, dimension, ringSrs.crs(), where);
    } catch (RowProblem p) {
      f.problem(p);
      return null;
    }
  }

  private static double[] numbers(XMLStreamReader r, CityGmlFeature f, String where) throws XMLStreamException {
    String text = text(r);
    if (text == null) {
      return new double[0];
    }
    String[] tokens = text.split("\\s+");
    double[] out = new double[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      try {
        out[i] = Double.parseDouble(tokens[i]);
      } catch (NumberFormatException e) {
        f.problem(new RowProblem("gml:posList", where + ": number " + (i + 1) + " of the position list is not a number"));
        return null;
      }
    }
    return out;
  }

  /** The text of a gen:*Attribute's gen:value, up to the attribute's end tag. */
  private static String genericValue(XMLStreamReader r) throws XMLStreamException {
    String value = null;
    while (nextChild(r)) {
      if (r.getLocalName().equals("value")) {
        value = text(r);
      } else {
        skip(r);
      }
    }
    return value;
  }

  /**
   * Moves to the next child element of the current one: true on its start tag, false on the
   * current element's end tag.
   */
  private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (ev == XMLStreamConstants.END_ELEMENT || ev == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  /** The text inside the current element (nested elements' text included), trimmed; null when empty. */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
          || ev == XMLStreamConstants.SPACE) {
        sb.append(r.getText());
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        break;
      }
    }
    String s = sb.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /** Skips the current element, whose start tag was just read, up to its end tag. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        return;
      }
    }
  }

  /** Skips what is left of the current element after its first child was read. */
  private static void skipRest(XMLStreamReader r) throws XMLStreamException {
    while (nextChild(r)) {
      skip(r);
    }
  }

  private static long line(XMLStreamReader r) {
    Location loc = r.getLocation();
    return loc == null ? 0 : loc.getLineNumber();
  }
}
