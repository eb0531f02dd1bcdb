// Mapbox Vector Tiles in the browser: decoding one layer of a tile into plain features in tile
// pixels, and the tile arithmetic the wall needs to know which loaded tiles a change touches.
// Pure: no DOM, no Leaflet (tested with node --test).

import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export const TILE_SIZE = 256;

/**
 * The features of `layerName` in a tile's protobuf bytes, geometry scaled from the tile's extent
 * to `size` pixels: `{ id, type, properties, rings }` where `type` is 1 point, 2 line, 3 polygon and
 * `rings` is an array of arrays of `[x, y]` (one per point, line or ring). An empty or missing
 * buffer, or a tile without the layer, gives no features.
 */
export function decodeLayer(buffer, layerName, size = TILE_SIZE) {
  if (!buffer || buffer.byteLength === 0) {
    return [];
  }
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = tile.layers[layerName];
  if (!layer) {
    return [];
  }
  const out = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const scale = size / f.extent;
    const rings = f.loadGeometry().map((ring) => ring.map((p) => [p.x * scale, p.y * scale]));
    out.push({ id: f.id, type: f.type, properties: { ...f.properties }, rings });
  }
  return out;
}

/** The key a tile is known by: "z/x/y". */
export function tileKey({ z, x, y }) {
  return `${z}/${x}/${y}`;
}

/** The lon/lat box of a tile: [west, south, east, north]. */
export function tileBounds({ z, x, y }) {
  const n = 2 ** z;
  const lon = (i) => (i / n) * 360 - 180;
  const lat = (j) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/**
 * Whether a change within the lon/lat `bbox` touches the tile: its box grown by `margin` (a share
 * of the tile's width; symbols and the tile buffer reach past the edge).
 */
export function touches(coords, bbox, margin = 0.1) {
  const [w, s, e, n] = tileBounds(coords);
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  return minLon <= e + dx && maxLon >= w - dx && minLat <= n + dy && maxLat >= s - dy;
}

/** The eight tiles around one at the same zoom (wrapping west-east, none past the poles). */
export function neighbours({ z, x, y }) {
  const n = 2 ** z;
  const out = [];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      if ((dx !== 0 || dy !== 0) && y + dy >= 0 && y + dy < n) {
        out.push({ z, x: (x + dx + n) % n, y: y + dy, dx, dy });
      }
    }
  }
  return out;
}
