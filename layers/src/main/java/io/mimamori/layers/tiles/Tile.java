package io.mimamori.layers.tiles;

/**
 * A rendered tile as served: gzip-compressed protobuf, its strong ETag (a hash of the content, so
 * an unchanged re-render keeps its ETag), and its uncompressed size.
 */
public record Tile(byte[] gzipped, String etag, int rawSize) {

  /** Bytes the cache charges for this tile: the payload plus a fixed overhead for the entry. */
  public int weight() {
    return gzipped.length + etag.length() * 2 + 160;
  }
}
