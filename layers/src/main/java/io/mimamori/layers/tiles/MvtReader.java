package io.mimamori.layers.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a Mapbox Vector Tile (protobuf, spec 2.1) into layers and features with their attributes,
 * for tests and for the benchmark harness that compares feature counts between servers. Geometry is
 * kept as its raw command integers, with the area of a polygon in tile units; this is a checker,
 * not a renderer.
 */
public final class MvtReader {

  /**
   * A feature: its id (0 when absent), type (1 point, 2 line, 3 polygon), attributes and geometry
   * (the encoded command and parameter integers).
   */
  public record Feature(long id, int type, Map<String, Object> attributes, int[] geometry) {

    /** How many integers encode the geometry (commands and parameters). */
    public int geometryCommands() {
      return geometry.length;
    }

    /**
     * The area of a polygon feature in square tile units (rings' signed areas summed, so holes
     * subtract); 0 for points and lines, and for polygons that collapsed onto the tile grid.
     */
    public double area() {
      return areaWithin(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    /**
     * The area of the part of a polygon feature inside the square {@code [min, max]} on both axes
     * (for example the tile grown by its buffer), in square tile units; 0 for points and lines. With
     * {@code snap}, the cut rings' corners are first rounded to the tile grid, as a tile encoder
     * does: a sliver then has no area left.
     */
    public double areaWithin(double min, double max, boolean snap) {
      if (type != 3) {
        return 0;
      }
      double total = 0;
      for (List<double[]> ring : rings()) {
        List<double[]> cut = clip(ring, min, max);
        if (snap) {
          cut = cut.stream().map(p -> new double[] {Math.rint(p[0]), Math.rint(p[1])}).toList();
        }
        total += signedArea(cut);
      }
      return Math.abs(total);
    }

    /** The polygon's rings as tile coordinates (each ring open: its first point is not repeated). */
    private List<List<double[]>> rings() {
      List<List<double[]>> rings = new ArrayList<>();
      List<double[]> ring = null;
      long x = 0;
      long y = 0;
      int i = 0;
      while (i < geometry.length) {
        int command = geometry[i] & 7;
        int count = geometry[i] >>> 3;
        i++;
        if (command == 7) {
          ring = null;
          continue;
        }
        for (int k = 0; k < count && i + 1 < geometry.length; k++) {
          x += zigzag(geometry[i++]);
          y += zigzag(geometry[i++]);
          if (command == 1) {
            ring = new ArrayList<>();
            rings.add(ring);
          }
          if (ring != null) {
            ring.add(new double[] {x, y});
          }
        }
      }
      return rings;
    }

    private static double signedArea(List<double[]> ring) {
      double twice = 0;
      for (int k = 0; k < ring.size(); k++) {
        double[] a = ring.get(k);
        double[] b = ring.get((k + 1) % ring.size());
        twice += a[0] * b[1] - b[0] * a[1];
      }
      return twice / 2;
    }

    /** The ring cut to the square, one side at a time (Sutherland and Hodgman's polygon clipping). */
    private static List<double[]> clip(List<double[]> ring, double min, double max) {
      List<double[]> out = ring;
      for (int side = 0; side < 4 && !out.isEmpty(); side++) {
        int axis = side % 2;
        double bound = side < 2 ? min : max;
        boolean keepAbove = side < 2;
        List<double[]> in = out;
        out = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
          double[] a = in.get(k);
          double[] b = in.get((k + 1) % in.size());
          boolean aIn = keepAbove ? a[axis] >= bound : a[axis] <= bound;
          boolean bIn = keepAbove ? b[axis] >= bound : b[axis] <= bound;
          if (aIn) {
            out.add(a);
          }
          if (aIn != bIn) {
            double t = (bound - a[axis]) / (b[axis] - a[axis]);
            out.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
          }
        }
      }
      return out;
    }

    private static long zigzag(int n) {
      return (n >>> 1) ^ -(n & 1);
    }
  }

  public record Layer(String name, int extent, List<Feature> features) {}

  private MvtReader() {}

  /** Decodes raw or gzip-compressed tile bytes. */
  public static Map<String, Layer> read(byte[] bytes) {
    byte[] raw = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b ? gunzip(bytes) : bytes;
    Map<String, Layer> layers = new LinkedHashMap<>();
    Pb pb = new Pb(raw, 0, raw.length);
    while (pb.more()) {
      int tag = pb.varint32();
      if (tag >>> 3 == 3 && (tag & 7) == 2) {
        Layer l = layer(pb.sub());
        layers.put(l.name(), l);
      } else {
        pb.skip(tag);
      }
    }
    return layers;
  }

  private static Layer layer(Pb pb) {
    String name = null;
    int extent = 4096;
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<Pb> rawFeatures = new ArrayList<>();
    while (pb.more()) {
      int tag = pb.varint32();
      switch (tag >>> 3) {
        case 1 -> name = pb.string();
        case 2 -> rawFeatures.add(pb.sub());
        case 3 -> keys.add(pb.string());
        case 4 -> values.add(value(pb.sub()));
        case 5 -> extent = (int) pb.varint();
        default -> pb.skip(tag);
      }
    }
    List<Feature> features = new ArrayList<>();
    for (Pb f : rawFeatures) {
      features.add(feature(f, keys, values));
    }
    return new Layer(name, extent, features);
  }

  private static Feature feature(Pb pb, List<String> keys, List<Object> values) {
    long id = 0;
    int type = 0;
    int[] geometryInts = new int[0];
    Map<String, Object> attributes = new LinkedHashMap<>();
    while (pb.more()) {
      int tag = pb.varint32();
      switch (tag >>> 3) {
        case 1 -> id = pb.varint();
        case 2 -> {
          Pb tags = pb.sub();
          while (tags.more()) {
            int k = (int) tags.varint();
            int v = (int) tags.varint();
            attributes.put(keys.get(k), values.get(v));
          }
        }
        case 3 -> type = (int) pb.varint();
        case 4 -> {
          Pb geometry = pb.sub();
          List<Integer> ints = new ArrayList<>();
          while (geometry.more()) {
            ints.add(geometry.varint32());
          }
          geometryInts = ints.stream().mapToInt(Integer::intValue).toArray();
        }
        default -> pb.skip(tag);
      }
    }
    return new Feature(id, type, attributes, geometryInts);
  }

  private static Object value(Pb pb) {
    Object v = null;
    while (pb.more()) {
      int tag = pb.varint32();
      switch (tag >>> 3) {
        case 1 -> v = pb.string();
        case 2 -> v = pb.fixed32Float();
        case 3 -> v = pb.fixed64Double();
        case 4, 5 -> v = pb.varint();
        case 6 -> {
          long n = pb.varint();
          v = (n >>> 1) ^ -(n & 1);
        }
        case 7 -> v = pb.varint() != 0;
        default -> pb.skip(tag);
      }
    }
    return v;
  }

  private static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cursor over a protobuf message. */
  private static final class Pb {
    private final byte[] b;
    private int pos;
    private final int end;

    Pb(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[pos++];
        result |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    int varint32() {
      return (int) varint();
    }

    Pb sub() {
      int len = varint32();
      Pb p = new Pb(b, pos, pos + len);
      pos += len;
      return p;
    }

    String string() {
      int len = varint32();
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    float fixed32Float() {
      float f = ByteBuffer.wrap(b, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
      pos += 4;
      return f;
    }

    double fixed64Double() {
      double d = ByteBuffer.wrap(b, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
      pos += 8;
      return d;
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> pos += varint32();
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
      }
    }
  }
}
