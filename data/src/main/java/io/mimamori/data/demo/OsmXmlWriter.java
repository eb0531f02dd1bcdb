package io.mimamori.data.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a {@link RoadNetwork} as an OSM XML 0.6 file that GraphHopper (and osmium, JOSM) read:
 * a bounds element, then every node used by a way in id order (with an {@code ele} tag), then the
 * ways in id order. Only the content decides the bytes: no timestamps, fixed decimals, written to a
 * temporary file and moved into place.
 */
final class OsmXmlWriter {
  private OsmXmlWriter() {}

  static void write(RoadNetwork net, TownFrame frame, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    int[] ids = new int[net.nodeCount()];
    int next = 1;
    for (RoadNetwork.Way w : net.ways) {
      for (int n : w.nodes()) {
        if (ids[n] == 0) {
          ids[n] = -1; // used
        }
      }
    }
    for (int n = 0; n < ids.length; n++) {
      if (ids[n] == -1) {
        ids[n] = next++;
      }
    }
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write("<osm version=\"0.6\" generator=\"mimamori demo town\">\n");
      out.write("  <bounds minlat=\"" + fixed(frame.minLat(), 7) + "\" minlon=\"" + fixed(frame.minLon(), 7)
          + "\" maxlat=\"" + fixed(frame.maxLat(), 7) + "\" maxlon=\"" + fixed(frame.maxLon(), 7) + "\"/>\n");
      StringBuilder sb = new StringBuilder(128);
      for (int n = 0; n < ids.length; n++) {
        if (ids[n] <= 0) {
          continue;
        }
        sb.setLength(0);
        sb.append("  <node id=\"").append(ids[n]).append("\" version=\"1\" lat=\"").append(fixed(frame.lat(net.y(n)), 7))
            .append("\" lon=\"").append(fixed(frame.lon(net.x(n)), 7)).append("\">")
            .append("<tag k=\"ele\" v=\"").append(fixed(net.ele(n), 1)).append("\"/></node>\n");
        out.write(sb.toString());
      }
      int wayId = 1;
      for (RoadNetwork.Way w : net.ways) {
        sb.setLength(0);
        sb.append("  <way id=\"").append(wayId++).append("\" version=\"1\">\n");
        for (int n : w.nodes()) {
          sb.append("    <nd ref=\"").append(ids[n]).append("\"/>\n");
        }
        for (Map.Entry<String, String> t : w.tags().entrySet()) {
          sb.append("    <tag k=\"").append(escape(t.getKey())).append("\" v=\"").append(escape(t.getValue())).append("\"/>\n");
        }
        sb.append("  </way>\n");
        out.write(sb.toString());
      }
      out.write("</osm>\n");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  static String fixed(double v, int decimals) {
    long f = decimals == 7 ? 10_000_000L : decimals == 1 ? 10L : (long) Math.pow(10, decimals);
    long scaled = Math.round(v * f);
    StringBuilder sb = new StringBuilder(16);
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    sb.append(scaled / f).append('.');
    String frac = Long.toString(scaled % f);
    for (int i = frac.length(); i < decimals; i++) {
      sb.append('0');
    }
    return sb.append(frac).toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
