package io.mimamori.bench.tiles;

import io.mimamori.layers.tiles.TileCoord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic list of distinct tiles drawn at random over a lon/lat box: a zoom uniformly from
 * {@code minZoom..maxZoom}, then a tile uniformly among those that meet the box at that zoom. Zooms
 * with few tiles over the box (a town is one or two tiles wide at zoom 10) run out first; the draw
 * then comes from the others. The same seed always gives the same list in the same order.
 */
public final class RandomTiles {

  private RandomTiles() {}

  /** Up to {@code count} distinct tiles (fewer only when the box holds fewer at these zooms). */
  public static List<TileCoord> draw(double minLon, double minLat, double maxLon, double maxLat,
      int minZoom, int maxZoom, int count, long seed) {
    long available = 0;
    for (int z = minZoom; z <= maxZoom; z++) {
      int[] r = range(minLon, minLat, maxLon, maxLat, z);
      available += (long) (r[2] - r[0] + 1) * (r[3] - r[1] + 1);
    }
    int wanted = (int) Math.min(count, available);
    SplittableRandom random = new SplittableRandom(seed);
    Set<TileCoord> tiles = new LinkedHashSet<>();
    int[] drawnAtZoom = new int[maxZoom + 1];
    while (tiles.size() < wanted) {
      int z = minZoom + random.nextInt(maxZoom - minZoom + 1);
      int[] r = range(minLon, minLat, maxLon, maxLat, z);
      long atZoom = (long) (r[2] - r[0] + 1) * (r[3] - r[1] + 1);
      if (drawnAtZoom[z] >= atZoom) {
        continue; // every tile of this zoom is in already
      }
      TileCoord t = new TileCoord(z, r[0] + random.nextInt(r[2] - r[0] + 1), r[1] + random.nextInt(r[3] - r[1] + 1));
      if (tiles.add(t)) {
        drawnAtZoom[z]++;
      }
    }
    return List.copyOf(new ArrayList<>(tiles));
  }

  /** Columns and rows {minX, minY, maxX, maxY} of the tiles meeting the box at zoom z. */
  static int[] range(double minLon, double minLat, double maxLon, double maxLat, int z) {
    return new int[] {column(minLon, z), row(maxLat, z), column(maxLon, z), row(minLat, z)};
  }

  static int column(double lon, int z) {
    int n = 1 << z;
    return Math.min(n - 1, Math.max(0, (int) Math.floor((lon + 180.0) / 360.0 * n)));
  }

  static int row(double lat, int z) {
    int n = 1 << z;
    double rad = Math.toRadians(lat);
    double y = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n;
    return Math.min(n - 1, Math.max(0, (int) Math.floor(y)));
  }
}
