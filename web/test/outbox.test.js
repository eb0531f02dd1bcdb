import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, newKey, Outbox } from '../src/supporter/outbox.js';
import { MemoryStorage } from '../src/supporter/storage.js';

/** A fake server: stores each key once (like safety_check_event), answers as told per call. */
function fakeServer() {
  const stored = [];
  const server = {
    stored,
    plan: [], // per call: 'ok', 'lost' (stored, answer lost), 'offline', 'error', 'signin', 403, 'conflict'
    calls: 0,
    async send(entry) {
      const mode = server.plan.shift() || 'ok';
      server.calls += 1;
      if (mode === 'offline') {
        return { status: 0, body: null };
      }
      if (mode === 'error') {
        return { status: 503, body: { message: 'down' } };
      }
      if (mode === 'signin') {
        return { status: 401, body: null };
      }
      if (typeof mode === 'number') {
        return { status: mode, body: { message: 'This check is not assigned to you.' } };
      }
      const seen = stored.find((s) => s.key === entry.key);
      if (!seen) {
        stored.push({ key: entry.key, status: entry.status, checkId: entry.checkId });
      }
      if (mode === 'lost') {
        throw new Error('connection reset');
      }
      return { status: seen ? 200 : 201, body: { event_id: stored.length, applied: mode !== 'conflict', duplicate: Boolean(seen) } };
    },
  };
  return server;
}

function outboxWith(server) {
  let t = Date.parse('2026-11-22T03:00:00Z');
  let k = 0;
  return new Outbox({
    storage: new MemoryStorage(),
    transport: server,
    clock: () => new Date((t += 1000)),
    makeKey: () => `key-${String(++k).padStart(4, '0')}`,
  });
}

test('reports recorded without signal are sent once each, in tap order, when the signal returns', async () => {
  const server = fakeServer();
  const box = outboxWith(server);
  server.plan = ['offline'];
  await box.record('s1', { kind: 'status', checkId: 7, status: 'on_the_way' });
  assert.deepEqual(await box.flush('s1'), { sent: 0, stopped: 'retry' });
  await box.record('s1', { kind: 'status', checkId: 7, status: 'safe_at_home', note: '元気' });
  await box.record('s1', { kind: 'status', checkId: 9, status: 'evacuated', shelterId: 3 });
  assert.equal((await box.pending('s1')).length, 3);
  // the first answer is lost after the server stored it: resent with the same key, stored once
  server.plan = ['lost'];
  assert.deepEqual(await box.flush('s1'), { sent: 0, stopped: 'retry' });
  assert.deepEqual(await box.flush('s1'), { sent: 3, stopped: null });
  assert.deepEqual(server.stored.map((s) => s.status), ['on_the_way', 'safe_at_home', 'evacuated']);
  assert.equal(new Set(server.stored.map((s) => s.key)).size, 3);
  assert.equal((await box.pending('s1')).length, 0);
  const log = await box.log('s1');
  assert.deepEqual(log.map((r) => r.outcome), ['applied', 'applied', 'duplicate']);
  assert.equal(log[2].status, 'on_the_way');
});

test('a server error stops the round so that nothing overtakes a waiting report', async () => {
  const server = fakeServer();
  const box = outboxWith(server);
  await box.record('s1', { kind: 'status', checkId: 1, status: 'on_the_way' });
  await box.record('s1', { kind: 'status', checkId: 1, status: 'not_at_home' });
  server.plan = ['ok', 'error'];
  assert.deepEqual(await box.flush('s1'), { sent: 1, stopped: 'retry' });
  assert.deepEqual((await box.pending('s1')).map((e) => e.status), ['not_at_home']);
  assert.deepEqual(await box.flush('s1'), { sent: 1, stopped: null });
});

test('a conflict and a refusal are logged and the round goes on; a lost session keeps the reports', async () => {
  const server = fakeServer();
  const box = outboxWith(server);
  await box.record('s1', { kind: 'status', checkId: 1, status: 'not_at_home' });
  await box.record('s1', { kind: 'status', checkId: 2, status: 'safe_at_home' });
  await box.record('s1', { kind: 'status', checkId: 3, status: 'needs_help' });
  server.plan = ['conflict', 403, 'signin'];
  assert.deepEqual(await box.flush('s1'), { sent: 2, stopped: 'signin' });
  const log = await box.log('s1');
  assert.deepEqual(log.map((r) => [r.checkId, r.outcome]), [[3, 'queued'], [2, 'rejected'], [1, 'conflict']]);
  assert.match(log[1].detail, /403 – This check is not assigned/);
  assert.deepEqual((await box.pending('s1')).map((e) => e.checkId), [3]);
  assert.deepEqual(await box.flush('s1'), { sent: 1, stopped: null });
});

test('each login sends only its own reports, and a flush during a flush does not send twice', async () => {
  const server = fakeServer();
  const box = outboxWith(server);
  await box.record('s1', { kind: 'status', checkId: 1, status: 'on_the_way' });
  await box.record('s2', { kind: 'status', checkId: 2, status: 'on_the_way' });
  const [a, b] = await Promise.all([box.flush('s1'), box.flush('s1')]);
  assert.deepEqual(a, b);
  assert.equal(server.calls, 1);
  assert.deepEqual(server.stored.map((s) => s.checkId), [1]);
  assert.equal((await box.pending('s2')).length, 1);
});

test('unknown statuses are refused at the tap, keys are 33 characters of [p0-9a-f]', async () => {
  const box = outboxWith(fakeServer());
  await assert.rejects(box.record('s1', { kind: 'status', checkId: 1, status: 'teleported' }));
  await assert.rejects(box.record(null, { kind: 'status', checkId: 1, status: 'on_the_way' }));
  const key = newKey();
  assert.match(key, /^p[0-9a-f]{32}$/);
  assert.notEqual(newKey(), key);
});

test('answers are classified by status', () => {
  assert.deepEqual(classify({ status: 201, body: { applied: true } }), { action: 'done', outcome: 'applied' });
  assert.deepEqual(classify({ status: 200, body: { duplicate: true, applied: false } }), { action: 'done', outcome: 'duplicate' });
  assert.deepEqual(classify({ status: 201, body: { applied: false } }), { action: 'done', outcome: 'conflict' });
  for (const s of [0, 408, 429, 500, 502, 503]) {
    assert.equal(classify({ status: s }).action, 'retry', String(s));
  }
  assert.equal(classify({ status: 401 }).action, 'signin');
  for (const s of [400, 403, 404, 413]) {
    assert.deepEqual(classify({ status: s, body: null }), { action: 'done', outcome: 'rejected' }, String(s));
  }
});
