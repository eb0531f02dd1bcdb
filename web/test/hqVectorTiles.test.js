import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxOf, drawCells, drawHazards, drawShelters } from '../src/hq/canvasDraw.js';
import { DEPTH_COLOURS } from '../src/hazardStyle.js';
import { BAND_STYLES } from '../src/planner/bandStyle.js';
import { CHECK_COLOURS, SHELTER_STATE_COLOURS, cellSegments, shelterPaint, shelterState } from '../src/hq/tileStyles.js';
import { decodeLayer, neighbours, tileBounds, tileKey, touches } from '../src/hq/vectorTiles.js';
import { encodeTile, recordingContext } from './mvtFixture.js';

const TILE = encodeTile({
  shelters: [
    { id: 7, type: 1, shape: [2048, 1024], properties: { kind: 'welfare_shelter', name: 'みはらし園', open: true, occupied: 12, open_capacity: 40, level: 'ok', capacity_persons: 40 } },
    { id: 8, type: 1, shape: [-20, 4100], properties: { kind: 'designated_shelter', name: '第一小学校', open: false, level: 'closed', capacity_persons: 300 } },
  ],
  hazards: [
    { id: 1, type: 3, shape: [[[0, 0], [4096, 0], [4096, 4096], [0, 4096]], [[1024, 1024], [1024, 3072], [3072, 3072], [3072, 1024]]], properties: { hazard_type: 'flood', rank: 3 } },
    { id: 2, type: 3, shape: [[[0, 0], [512, 0], [512, 512], [0, 512]]], properties: { hazard_type: 'landslide', rank: 2 } },
  ],
  check_status: [
    { type: 3, shape: [[[0, 0], [256, 0], [256, 256], [0, 256]]], properties: { checks: 4, needs_help: 1, not_assigned: 2, evacuated: 1 } },
  ],
  resident_density: [
    { type: 3, shape: [[[256, 256], [512, 256], [512, 512], [256, 512]]], properties: { residents: 10, band_a: 5, band_b: 0, band_c: 3, band_d: 2 } },
  ],
});

test('decoding a layer gives ids, attributes of every type and geometry in tile pixels', () => {
  const shelters = decodeLayer(TILE, 'shelters');
  assert.equal(shelters.length, 2);
  const [open, closed] = shelters;
  assert.equal(open.id, 7);
  assert.equal(open.type, 1);
  assert.deepEqual(open.rings, [[[128, 64]]]);
  assert.equal(open.properties.name, 'みはらし園');
  assert.equal(open.properties.open, true);
  assert.equal(open.properties.occupied, 12);
  assert.equal(closed.properties.open, false);
  assert.deepEqual(closed.rings, [[[-1.25, 256.25]]], 'a point in the buffer keeps its place outside the tile');
  const hazards = decodeLayer(TILE, 'hazards', 512);
  assert.equal(hazards[0].rings.length, 2, 'outer ring and hole');
  assert.deepEqual(hazards[0].rings[1][2], [384, 384]);
});

test('an empty tile, a missing layer and no buffer decode to nothing', () => {
  assert.deepEqual(decodeLayer(new Uint8Array(0), 'shelters'), []);
  assert.deepEqual(decodeLayer(null, 'shelters'), []);
  assert.deepEqual(decodeLayer(TILE, 'supporters'), []);
  assert.deepEqual(decodeLayer(TILE.buffer.slice(TILE.byteOffset, TILE.byteOffset + TILE.byteLength), 'hazards').length, 2);
});

test('tile arithmetic: bounds, which tiles a change touches, neighbours', () => {
  const t = { z: 14, x: 14512, y: 6484 };
  const [w, s, e, n] = tileBounds(t);
  assert.ok(Math.abs(w - 138.8672) < 1e-3 && Math.abs(e - 138.8892) < 1e-3);
  assert.ok(Math.abs(s - 35.0840) < 1e-3 && Math.abs(n - 35.1019) < 1e-3);
  assert.ok(touches(t, [138.875, 35.09, 138.875, 35.09]), 'a point inside');
  assert.ok(touches(t, [138.8895, 35.09, 138.89, 35.09]), 'just past the edge, within the margin');
  assert.ok(!touches(t, [138.95, 35.2, 138.96, 35.21]), 'far away');
  assert.equal(tileKey(t), '14/14512/6484');
  assert.equal(neighbours(t).length, 8);
  assert.equal(neighbours({ z: 1, x: 0, y: 0 }).length, 5, 'none past the pole');
  assert.deepEqual(neighbours({ z: 2, x: 0, y: 1 }).find((n) => n.dx === -1 && n.dy === 0), { z: 2, x: 3, y: 1, dx: -1, dy: 0 });
});

test('shelters are drawn by kind and state, fullest on top, open ones labelled people/capacity', () => {
  const ctx = recordingContext();
  const features = decodeLayer(TILE, 'shelters');
  const placed = features.map((f) => ({ x: f.rings[0][0][0], y: f.rings[0][0][1], properties: f.properties }));
  const paints = drawShelters(ctx, placed, 'ja', 15);
  assert.deepEqual(paints.map((p) => p.state), ['closed', 'ok']);
  const fills = ctx.calls.filter((c) => c.method === 'fill').map((c) => c.fillStyle);
  assert.deepEqual(fills, [SHELTER_STATE_COLOURS.closed, SHELTER_STATE_COLOURS.ok]);
  const texts = ctx.calls.filter((c) => c.method === 'fillText').map((c) => c.args[0]);
  assert.deepEqual(texts, ['避', '福', '12/40']);
  assert.equal(paints[1].shape, 'diamond');
  assert.equal(shelterPaint({ ...features[0].properties, level: 'full' }, 'en', 15).fill, SHELTER_STATE_COLOURS.full);
  assert.equal(shelterPaint(features[0].properties, 'en', 15).glyph, 'W');
  assert.equal(shelterPaint(features[0].properties, 'ja', 12).label, null, 'no label when zoomed out');
  assert.equal(shelterState({ open: true, level: 'near_full' }), 'near_full');
  assert.equal(shelterState({ open: true }), 'unknown');
  assert.equal(shelterState({ level: 'full' }), 'closed');
});

test('cells are split into segments by share: check groups most urgent first, bands A to D', () => {
  const ctx = recordingContext();
  const checks = decodeLayer(TILE, 'check_status');
  assert.equal(drawCells(ctx, checks, 'check_status'), 1);
  const rects = ctx.calls.filter((c) => c.method === 'fillRect');
  assert.deepEqual(rects.map((r) => r.fillStyle), [CHECK_COLOURS.escalated, CHECK_COLOURS.unconfirmed, CHECK_COLOURS.safe]);
  assert.deepEqual(rects.map((r) => r.args[3]), [4, 8, 4], 'heights 1:2:1 of a 16 px cell');
  assert.deepEqual(rects.map((r) => r.args[1]), [0, 4, 12]);
  const density = decodeLayer(TILE, 'resident_density');
  assert.deepEqual(cellSegments('resident_density', density[0].properties).map((s) => [s.colour, s.count]),
    [[BAND_STYLES.A.colour, 5], [BAND_STYLES.C.colour, 3], [BAND_STYLES.D.colour, 2]]);
  assert.deepEqual(boxOf(density[0].rings), [16, 16, 32, 32]);
  assert.equal(drawCells(recordingContext(), [{ type: 3, rings: [[[0, 0], [1, 1]]], properties: {} }], 'check_status'), 0,
    'an empty cell is not drawn');
});

test('hazard zones fill by depth rank with holes, landslides drawn last', () => {
  const ctx = recordingContext();
  const zones = decodeLayer(TILE, 'hazards');
  assert.equal(drawHazards(ctx, [...zones].reverse()), 2);
  const fills = ctx.calls.filter((c) => c.method === 'fill');
  assert.equal(fills[0].fillStyle, DEPTH_COLOURS[3]);
  assert.deepEqual(fills[0].args, ['evenodd']);
  assert.equal(fills[1].fillStyle, '#E60012', 'the special warning zone on top');
  assert.equal(ctx.calls.filter((c) => c.method === 'moveTo').length, 3, 'one move per ring');
});
