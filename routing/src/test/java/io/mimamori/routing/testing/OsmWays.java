package io.mimamori.routing.testing;

import io.mimamori.routing.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The ways of a small OSM XML file with their tags and node positions, to find test cases in. */
public final class OsmWays {

  /** One way: its tags and its points in order. */
  public record Way(long id, Map<String, String> tags, List<GeoPoint> points) {
    public String tag(String k) {
      return tags.get(k);
    }
  }

  private OsmWays() {}

  public static List<Way> read(Path osmXml) {
    Map<Long, GeoPoint> nodes = new HashMap<>();
    List<Way> ways = new ArrayList<>();
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream in = Files.newInputStream(osmXml)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      long wayId = -1;
      List<Long> refs = null;
      Map<String, String> tags = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "node" -> nodes.put(Long.parseLong(r.getAttributeValue(null, "id")),
                GeoPoint.ofLatLon(Double.parseDouble(r.getAttributeValue(null, "lat")),
                    Double.parseDouble(r.getAttributeValue(null, "lon"))));
            case "way" -> {
              wayId = Long.parseLong(r.getAttributeValue(null, "id"));
              refs = new ArrayList<>();
              tags = new LinkedHashMap<>();
            }
            case "nd" -> {
              if (refs != null) {
                refs.add(Long.parseLong(r.getAttributeValue(null, "ref")));
              }
            }
            case "tag" -> {
              if (tags != null) {
                tags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
              }
            }
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("way")) {
          List<GeoPoint> pts = new ArrayList<>();
          for (long ref : refs) {
            pts.add(nodes.get(ref));
          }
          ways.add(new Way(wayId, tags, pts));
          refs = null;
          tags = null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("unreadable OSM XML " + osmXml + ": " + e.getMessage(), e);
    }
    return ways;
  }
}
