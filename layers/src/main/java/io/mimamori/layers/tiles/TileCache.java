package io.mimamori.layers.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered tiles in memory, bounded by bytes (payload plus entry overhead), least recently used
 * evicted first. {@link #invalidate} drops exactly the cached tiles of a layer that a changed
 * extent touches, at every zoom; the others stay.
 */
public final class TileCache {

  public record Key(TileLayer layer, TileCoord coord) {}

  /** How far beyond its edge a tile's content reaches: the MVT buffer (64 of 4096) and a symbol's size. */
  private static final double EDGE_MARGIN = 0.05;

  private final Cache<Key, Tile> cache;
  private final TileStore store;

  public TileCache(TileStore store, long maximumBytes) {
    this.store = store;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maximumBytes)
        .weigher((Key k, Tile t) -> t.weight())
        .recordStats()
        .build();
  }

  /** The cached tile, or a fresh render that is then cached. */
  public Tile get(TileLayer layer, TileCoord coord) throws SQLException {
    Key key = new Key(layer, coord);
    Tile cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Tile rendered = encode(store.render(layer, coord));
    cache.put(key, rendered);
    return rendered;
  }

  public boolean isCached(TileLayer layer, TileCoord coord) {
    return cache.getIfPresent(new Key(layer, coord)) != null;
  }

  /** Drops every cached tile of {@code layer} that the lon/lat box touches; returns how many. */
  public int invalidate(TileLayer layer, double minLon, double minLat, double maxLon, double maxLat) {
    int[] dropped = {0};
    cache.asMap().keySet().removeIf(k -> {
      boolean hit = k.layer() == layer && k.coord().meets(minLon, minLat, maxLon, maxLat, EDGE_MARGIN);
      if (hit) {
        dropped[0]++;
      }
      return hit;
    });
    return dropped[0];
  }

  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Bytes currently charged to the cache (after pending evictions). */
  public long weightedSize() {
    cache.cleanUp();
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  public long size() {
    return cache.estimatedSize();
  }

  static Tile encode(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      String etag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
      return new Tile(out.toByteArray(), etag, raw.length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
