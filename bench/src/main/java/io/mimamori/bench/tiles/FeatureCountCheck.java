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
 * is missing from the answer counts as zero features. A polygon one server sends with no area on the
 * tile grid (it collapsed when snapped: a sliver in the buffer, or a zone smaller than a grid cell)
 * draws nothing; PostGIS's {@code ST_AsMVTGeom} drops such polygons and MapServer keeps them, so they
 * are left out of the comparison and counted apart.
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
   */
  public record Report(Map<TileLayer, Integer> layerTiles, Map<TileLayer, Long> features,
      Map<TileLayer, Integer> nonEmpty, List<Mismatch> mismatches, Map<TileLayer, Long> collapsedOnlyMapserver) {}

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
    Map<TileLayer, Long> collapsed = new java.util.EnumMap<>(TileLayer.class);
    for (TileLayer layer : layers) {
      collapsed.put(layer, 0L);
      for (TileCoord t : tiles) {
        List<MvtReader.Feature> ours = features(get(mimamori.apply(layer, t)), layer);
        List<MvtReader.Feature> all = features(get(mapserver.apply(layer, t)), layer);
        List<MvtReader.Feature> theirs = all.stream().filter(f -> f.type() != 3 || f.area() > 0).toList();
        collapsed.merge(layer, (long) (all.size() - theirs.size()), Long::sum);
        layerTiles.merge(layer, 1, Integer::sum);
        features.merge(layer, (long) ours.size(), Long::sum);
        if (!ours.isEmpty()) {
          nonEmpty.merge(layer, 1, Integer::sum);
        }
        if (ours.size() != theirs.size()) {
          Set<Long> a = ids(ours);
          Set<Long> b = ids(theirs);
          Set<Long> onlyA = new TreeSet<>(a);
          onlyA.removeAll(b);
          Set<Long> onlyB = new TreeSet<>(b);
          onlyB.removeAll(a);
          mismatches.add(new Mismatch(layer, t, ours.size(), theirs.size(), onlyA, onlyB));
        }
      }
    }
    return new Report(layerTiles, features, nonEmpty, mismatches, collapsed);
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
