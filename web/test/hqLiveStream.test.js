import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveStream, RETRY_DELAYS_MS, throttle } from '../src/hq/liveStream.js';

/** An EventSource stand-in the test drives: open, send events, drop. */
class FakeSource {
  constructor(url) {
    this.url = url;
    this.listeners = {};
    this.closed = false;
  }

  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }

  emit(type, message = {}) {
    (this.listeners[type] || []).forEach((fn) => fn(message));
  }

  send(type, id, data) {
    this.emit(type, { lastEventId: id === null ? '' : String(id), data: JSON.stringify(data) });
  }

  close() {
    this.closed = true;
  }
}

function harness(after = 10) {
  const sources = [];
  const timers = [];
  const seen = [];
  const tiles = [];
  const states = [];
  let resumed = 0;
  const stream = new LiveStream({
    url: 'api/events',
    after,
    onEvent: (type, data, id) => seen.push([type, id, data]),
    onTiles: (data) => tiles.push(data),
    onResumed: () => resumed++,
    onState: (s) => states.push(s),
    createSource: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
  });
  return { stream, sources, timers, seen, tiles, states, resumed: () => resumed };
}

test('starts after the id the counts were read at and hands over events and tile changes', () => {
  const h = harness(41);
  h.stream.start();
  assert.equal(h.sources[0].url, 'api/events?after=41');
  h.sources[0].emit('open');
  h.sources[0].send('check', 42, { check_id: 5, status: 'needs_help' });
  h.sources[0].send('shelter', 43, { shelter_id: 2, occupied: 8 });
  h.sources[0].send('tiles', null, { layers: ['shelters'], bbox: [1, 2, 3, 4] });
  assert.deepEqual(h.seen.map(([type, id]) => [type, id]), [['check', 42], ['shelter', 43]]);
  assert.deepEqual(h.tiles, [{ layers: ['shelters'], bbox: [1, 2, 3, 4] }]);
  assert.equal(h.stream.lastId, 43);
  assert.deepEqual(h.states, ['connecting', 'open']);
  assert.equal(h.resumed(), 0, 'the first connection is no resumption');
});

test('after a drop it reconnects after the last id, applies nothing twice and reloads what events do not replay', () => {
  const h = harness(0);
  h.stream.start();
  h.sources[0].emit('open');
  h.sources[0].send('check', 7, { check_id: 1 });
  h.sources[0].emit('error');
  assert.ok(h.sources[0].closed, 'the browser retry is not used');
  assert.equal(h.timers.length, 1);
  assert.equal(h.timers[0].ms, RETRY_DELAYS_MS[0]);
  assert.equal(h.states.at(-1), 'reconnecting');
  h.timers[0].fn();
  assert.equal(h.sources[1].url, 'api/events?after=7');
  h.sources[1].emit('open');
  assert.equal(h.resumed(), 1);
  h.sources[1].send('check', 7, { check_id: 1 }); // an overlap
  h.sources[1].send('shelter', 9, { shelter_id: 3 });
  assert.deepEqual(h.seen.map(([, id]) => id), [7, 9]);
  assert.deepEqual(h.stream.received, [7, 9]);
  // a late event from the dropped connection is ignored
  h.sources[0].send('check', 10, { check_id: 2 });
  assert.deepEqual(h.stream.received, [7, 9]);
});

test('repeated failures wait longer, up to the last delay, and a stop ends it', () => {
  const h = harness(0);
  h.stream.start();
  for (let i = 0; i < 6; i++) {
    h.sources[i].emit('error');
    h.timers[i].fn();
  }
  assert.deepEqual(h.timers.map((t) => t.ms), [500, 1000, 2000, 5000, 5000, 5000]);
  h.sources.at(-1).emit('open');
  h.sources.at(-1).emit('error');
  assert.equal(h.timers.at(-1).ms, 500, 'a success resets the wait');
  h.stream.stop();
  h.timers.at(-1).fn();
  assert.equal(h.sources.length, 7, 'no reconnect after stop');
  assert.equal(h.states.at(-1), 'closed');
});

test('throttle runs at once, then once more at the end of the pause for any calls during it', async () => {
  const timers = [];
  let runs = 0;
  const run = throttle(() => {
    runs++;
  }, 300, (fn, ms) => timers.push({ fn, ms }));
  run();
  await Promise.resolve();
  await Promise.resolve();
  run();
  run();
  run();
  assert.equal(runs, 1);
  timers.shift().fn();
  await Promise.resolve();
  assert.equal(runs, 2, 'the calls during the pause ran once');
  await Promise.resolve();
  await Promise.resolve();
  timers.shift().fn();
  await Promise.resolve();
  assert.equal(runs, 2, 'nothing more to do');
  run();
  assert.equal(runs, 3);
});
