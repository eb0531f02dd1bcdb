// A Leaflet GridLayer of our own that draws the server's vector tiles on canvases: each tile is
// fetched (revalidated by ETag, so an unchanged tile costs a 304), decoded in the browser and drawn
// by the layer's `draw` function. `refreshWithin(bbox)` reloads exactly the loaded tiles a change
// touches and redraws them in place, without a flash. Point layers (shelters) also draw the points
// of the neighbouring tiles that reach into a tile, so symbols are never cut at tile edges.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { decodeLayer, neighbours, tileKey, touches, TILE_SIZE } from './vectorTiles.js';

export const VectorGridLayer = L.GridLayer.extend({
  options: {
    layer: null, // the tile layer's id: shelters, hazards, resident_density, check_status
    url: null, // (coords) => the tile's URL
    draw: null, // (ctx, features, coords, layer) => number drawn; for points: (ctx, placed, coords, layer)
    points: false,
    reach: 0, // points: how far past the edge a symbol reaches (px)
    onError: null, // (error) => void
    onDrawn: null, // () => void, after any tile is drawn
    tileSize: TILE_SIZE,
    minZoom: 8,
    maxNativeZoom: 18,
    updateWhenZooming: false,
    keepBuffer: 1,
  },

  initialize(options) {
    L.setOptions(this, options);
    this._loaded = new Map(); // key → { coords, canvas, features, version }
    this.on('tileunload', (e) => {
      const key = tileKey(e.coords);
      const entry = this._loaded.get(key);
      if (entry && entry.canvas === e.tile) {
        this._loaded.delete(key);
      }
    });
  },

  createTile(coords, done) {
    const canvas = L.DomUtil.create('canvas', `vt-tile vt-tile--${this.options.layer}`);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = TILE_SIZE * ratio;
    canvas.height = TILE_SIZE * ratio;
    canvas.dataset.key = tileKey(coords);
    const entry = { coords: { x: coords.x, y: coords.y, z: coords.z }, canvas, features: null, version: 0 };
    this._loaded.set(tileKey(coords), entry);
    this._fetch(entry).then(() => done(null, canvas), (error) => {
      this._reportError(error);
      done(null, canvas); // an empty tile; the banner says what failed
    });
    return canvas;
  },

  async _fetch(entry) {
    const version = ++entry.version;
    const response = await fetch(this.options.url(entry.coords), { credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) {
      const error = new Error(`${this.options.layer} tile ${tileKey(entry.coords)}: HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    const buffer = await response.arrayBuffer();
    if (version !== entry.version) {
      return; // a newer load of the same tile won
    }
    entry.features = decodeLayer(buffer, this.options.layer);
    entry.loadedAt = Date.now();
    this._redraw(entry);
    if (this.options.points) {
      for (const n of neighbours(entry.coords)) {
        const other = this._loaded.get(tileKey(n));
        if (other && other.features) {
          this._redraw(other);
        }
      }
    }
  },

  _redraw(entry) {
    const { canvas } = entry;
    const ctx = canvas.getContext('2d');
    const ratio = canvas.width / TILE_SIZE;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, TILE_SIZE, TILE_SIZE);
    let drawn;
    if (this.options.points) {
      drawn = this.options.draw(ctx, this._placedAround(entry), entry.coords, this.options.layer).length;
    } else {
      drawn = this.options.draw(ctx, entry.features || [], entry.coords, this.options.layer);
    }
    canvas.dataset.features = String((entry.features || []).length);
    canvas.dataset.drawn = String(drawn);
    if (this.options.onDrawn) {
      this.options.onDrawn();
    }
  },

  /** The points of a tile and of its neighbours that reach into it, in its pixels, each once. */
  _placedAround(entry) {
    const reach = this.options.reach;
    const seen = new Set();
    const out = [];
    const add = (features, dx, dy) => {
      for (const f of features || []) {
        if (f.type !== 1) {
          continue;
        }
        for (const [px, py] of f.rings.flat()) {
          const x = px + dx * TILE_SIZE;
          const y = py + dy * TILE_SIZE;
          const id = f.id !== undefined ? f.id : `${x},${y}`;
          if (x < -reach || x > TILE_SIZE + reach || y < -reach || y > TILE_SIZE + reach || seen.has(id)) {
            continue;
          }
          seen.add(id);
          out.push({ x, y, properties: f.properties, id: f.id });
        }
      }
    };
    add(entry.features, 0, 0);
    for (const n of neighbours(entry.coords)) {
      const other = this._loaded.get(tileKey(n));
      if (other) {
        add(other.features, n.dx, n.dy);
      }
    }
    return out;
  },

  _reportError(error) {
    if (this.options.onError) {
      this.options.onError(error);
    }
  },

  /** Reloads the loaded tiles that a change within the lon/lat bbox touches; resolves when redrawn. */
  refreshWithin(bbox) {
    const touched = [...this._loaded.values()].filter((e) => touches(e.coords, bbox));
    return Promise.all(touched.map((e) => this._fetch(e).catch((error) => this._reportError(error))))
      .then(() => touched.length);
  },

  /** Reloads every loaded tile (after a dropped event stream, whose tile events are lost). */
  refreshAll() {
    return Promise.all([...this._loaded.values()].map((e) => this._fetch(e).catch((error) => this._reportError(error))));
  },

  /** Redraws without reloading (the language changed the glyphs). */
  redrawAll() {
    for (const e of this._loaded.values()) {
      if (e.features) {
        this._redraw(e);
      }
    }
  },

  /** Every loaded feature, once per id (points repeat in the buffers of neighbouring tiles). */
  features() {
    const byId = new Map();
    for (const e of this._loaded.values()) {
      for (const f of e.features || []) {
        byId.set(f.id !== undefined ? f.id : `${tileKey(e.coords)}:${byId.size}`, { ...f, coords: e.coords });
      }
    }
    return [...byId.values()];
  },

  /** The nearest point feature within `radius` pixels of a map click, or null. */
  pointAt(latlng, radius = 16) {
    const map = this._map;
    const zoom = this._tileZoom;
    if (!map || zoom === undefined) {
      return null;
    }
    const at = map.project(latlng, zoom);
    let best = null;
    let bestDistance = radius;
    for (const e of this._loaded.values()) {
      if (e.coords.z !== zoom) {
        continue;
      }
      for (const f of e.features || []) {
        if (f.type !== 1) {
          continue;
        }
        const [px, py] = f.rings[0][0];
        const d = Math.hypot(e.coords.x * TILE_SIZE + px - at.x, e.coords.y * TILE_SIZE + py - at.y);
        if (d <= bestDistance) {
          best = f;
          bestDistance = d;
        }
      }
    }
    return best;
  },
});
