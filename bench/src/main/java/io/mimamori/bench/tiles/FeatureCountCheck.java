package io.mimamori.bench.tiles;

import io.mimamori.layers.tiles.MvtReader;
import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Asks both servers for the same layer of the same tiles, decodes both answers with
 * {@link MvtReader} and compares the number of features per layer per tile, and which features
 * (ids: shelter and hazard zone ids, no personal data) when the numbers differ. A tile whose layer
 * is missing from the answer counts as zero features. A tile disagrees when one server draws a
 * feature (a point or line, or a polygon with at least a screen pixel inside the tile: 64 square
 * units, a tile being drawn at most 512 pixels wide) that the other does not send at all. A polygon
 * only one server sends with less than a pixel inside the tile (the rest in the tile's buffer)
 * draws nothing there; such edge slivers are counted apart: the encoders treat them differently
 * (PostGIS's {@code ST_AsMVTGeom} clips to the buffer, snaps to the grid and drops what collapses;
 * MapServer clips and simplifies its own way).
 */
public final class FeatureCountCheck {

  /** One layer of one tile where the two servers disagree. */
  public record Mismatch(TileLayer layer, TileCoord tile, int mimamori, int mapserver,
      Set<Long> onlyMimamori, Set<Long> onlyMapserver) {
    @Override
    public String toString() {
      return layer.id() + " " + tile.z() + "/" + tile.x() + "/" + tile.y() + ": mimamori " + mimamori
          + ", MapServer " + mapserver + (onlyMimamori.isEmpty() ? "" : "; only mimamori " + onlyMimamori)
          + (onlyMapserver.isEmpty() ? "" : "; only MapServer " + onlyMapserver);
    }
  }

  /**
   * @param layerTiles tiles compared per layer
   * @param features features counted by mimamori per layer (the same as MapServer's where all agree)
   * @param nonEmpty tiles per layer with at least one feature
   * @param mismatches tiles where the servers disagree beyond edge slivers
   * @param edgeSlivers per layer, features only one server sent that draw less than a pixel
   */
  public record Report(Map<TileLayer, Integer> layerTiles, Map<TileLayer, Long> features,
      Map<TileLayer, Integer> nonEmpty, List<Mismatch> mismatches, Map<TileLayer, Long> edgeSlivers) {}

  /** mimamori's tile extent, in tile units (TileStore). */
  private static final int EXTENT = 4096;

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param mimamori URL of a tile's layer on mimamori
   * @param mapserver URL of a tile's layer on MapServer
   */
  public Report compare(List<TileCoord> tiles, List<TileLayer> layers, BiFunction<TileLayer, TileCoord, String> mimamori,
      BiFunction<TileLayer, TileCoord, String> mapserver) throws IOException, InterruptedException {
    Map<TileLayer, Integer> layerTiles = new java.util.EnumMap<>(TileLayer.class);
    Map<TileLayer, Long> features = new java.util.EnumMap<>(TileLayer.class);
    Map<TileLayer, Integer> nonEmpty = new java.util.EnumMap<>(TileLayer.class);
    List<Mismatch> mismatches = new ArrayList<>();
    Map<TileLayer, Long> slivers = new java.util.EnumMap<>(TileLayer.class);
    for (TileLayer layer : layers) {
      slivers.put(layer, 0L);
      for (TileCoord t : tiles) {
        List<MvtReader.Feature> ours = features(get(mimamori.apply(layer, t)), layer);
        List<MvtReader.Feature> theirs = features(get(mapserver.apply(layer, t)), layer);
        layerTiles.merge(layer, 1, Integer::sum);
        features.merge(layer, (long) ours.size(), Long::sum);
        if (!ours.isEmpty()) {
          nonEmpty.merge(layer, 1, Integer::sum);
        }
        Set<Long> a = ids(ours);
        Set<Long> b = ids(theirs);
        if (a.equals(b)) {
          continue;
        }
        // a feature one server draws (a pixel or more inside the tile) and the other does not send
        Set<Long> onlyA = ids(ours.stream().filter(FeatureCountCheck::drawnOnTheTile).toList());
        onlyA.removeAll(b);
        Set<Long> onlyB = ids(theirs.stream().filter(FeatureCountCheck::drawnOnTheTile).toList());
        onlyB.removeAll(a);
        Set<Long> differ = new TreeSet<>(a);
        differ.addAll(b);
        Set<Long> both = new TreeSet<>(a);
        both.retainAll(b);
        differ.removeAll(both);
        slivers.merge(layer, (long) (differ.size() - onlyA.size() - onlyB.size()), Long::sum);
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
          mismatches.add(new Mismatch(layer, t, ours.size(), theirs.size(), onlyA, onlyB));
        }
      }
    }
    return new Report(layerTiles, features, nonEmpty, mismatches, slivers);
  }

  /**
   * Square tile units in one screen pixel when a tile is drawn 512 pixels wide (the largest tiles
   * are drawn; 4096 / 512 = 8 units a side).
   */
  private static final double PIXEL = 64;

  /**
   * Points and lines count wherever they are; a polygon only when at least a screen pixel of it lies
   * inside the tile.
   */
  private static boolean drawnOnTheTile(MvtReader.Feature f) {
    return f.type() != 3 || f.areaWithin(0, EXTENT, false) >= PIXEL;
  }

  private static List<MvtReader.Feature> features(byte[] tile, TileLayer layer) {
    MvtReader.Layer l = MvtReader.read(tile).get(layer.id());
    return l == null ? List.of() : l.features();
  }

  private static Set<Long> ids(List<MvtReader.Feature> features) {
    Set<Long> ids = new TreeSet<>();
    features.forEach(f -> ids.add(f.id()));
    return ids;
  }

  private byte[] get(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode() + " from " + url + ": "
          + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
    }
    return r.body();
  }
}
