// A small Mapbox Vector Tile encoder for the tests (spec 2.1): layers of points and polygons with
// attributes, written with pbf, so the decoding and drawing code is tested on real protobuf bytes.

import { PbfWriter } from 'pbf';

const zigzag = (n) => (n << 1) ^ (n >> 31);
const command = (id, count) => (id & 0x7) | (count << 3);

/** Geometry commands for a point [x, y] or for polygon rings [[[x, y], ...], ...] (rings unclosed). */
function geometry(type, shape) {
  const out = [];
  let cx = 0;
  let cy = 0;
  const moveTo = (x, y) => {
    out.push(command(1, 1), zigzag(x - cx), zigzag(y - cy));
    cx = x;
    cy = y;
  };
  if (type === 1) {
    moveTo(shape[0], shape[1]);
    return out;
  }
  for (const ring of shape) {
    moveTo(ring[0][0], ring[0][1]);
    out.push(command(2, ring.length - 1));
    for (const [x, y] of ring.slice(1)) {
      out.push(zigzag(x - cx), zigzag(y - cy));
      cx = x;
      cy = y;
    }
    out.push(command(7, 1));
  }
  return out;
}

function writeValue(value, pbf) {
  if (typeof value === 'string') {
    pbf.writeStringField(1, value);
  } else if (typeof value === 'boolean') {
    pbf.writeBooleanField(7, value);
  } else if (Number.isInteger(value) && value >= 0) {
    pbf.writeVarintField(5, value);
  } else if (Number.isInteger(value)) {
    pbf.writeSVarintField(6, value);
  } else {
    pbf.writeDoubleField(3, value);
  }
}

/**
 * The tile's bytes for `{ layerName: [{ id, type: 1 | 3, shape, properties }] }` (extent 4096).
 */
export function encodeTile(layers) {
  const pbf = new PbfWriter();
  for (const [name, features] of Object.entries(layers)) {
    const keys = [];
    const values = [];
    const index = (list, v) => {
      let i = list.indexOf(v);
      if (i < 0) {
        list.push(v);
        i = list.length - 1;
      }
      return i;
    };
    const encoded = features.map((f) => ({
      ...f,
      tags: Object.entries(f.properties || {}).flatMap(([k, v]) => [index(keys, k), index(values, v)]),
    }));
    pbf.writeMessage(3, (_, p) => {
      p.writeVarintField(15, 2);
      p.writeStringField(1, name);
      for (const f of encoded) {
        p.writeMessage(2, (__, fp) => {
          if (f.id !== undefined) {
            fp.writeVarintField(1, f.id);
          }
          fp.writePackedVarint(2, f.tags);
          fp.writeVarintField(3, f.type);
          fp.writePackedVarint(4, geometry(f.type, f.shape));
        });
      }
      keys.forEach((k) => p.writeStringField(3, k));
      values.forEach((v) => p.writeMessage(4, writeValue, v));
      p.writeVarintField(5, 4096);
    });
  }
  return pbf.finish();
}

/** A stand-in for CanvasRenderingContext2D that records the calls and the style at each fill. */
export function recordingContext() {
  const calls = [];
  const ctx = { calls, fillStyle: null, strokeStyle: null, lineWidth: 1, globalAlpha: 1, font: '', textAlign: '', textBaseline: '' };
  for (const method of ['beginPath', 'moveTo', 'lineTo', 'closePath', 'arc', 'rect', 'stroke', 'strokeRect', 'strokeText']) {
    ctx[method] = (...args) => calls.push({ method, args });
  }
  ctx.fill = (...args) => calls.push({ method: 'fill', args, fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha });
  ctx.fillRect = (...args) => calls.push({ method: 'fillRect', args, fillStyle: ctx.fillStyle });
  ctx.fillText = (...args) => calls.push({ method: 'fillText', args, fillStyle: ctx.fillStyle });
  return ctx;
}
