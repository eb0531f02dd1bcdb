import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ViewportLoader } from '../src/viewportLoader.js';
import { ApiError, getJson } from '../src/api.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fetchJson whose answers come when the test says; aborts reject like fetch does. */
function controllableFetch() {
  const calls = [];
  const fetchJson = (url, { signal }) =>
    new Promise((resolve, reject) => {
      const call = { url, resolve, reject, aborted: false };
      signal.addEventListener('abort', () => {
        call.aborted = true;
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      });
      calls.push(call);
    });
  return { calls, fetchJson };
}

test('view changes in quick succession cost one request', async () => {
  const { calls, fetchJson } = controllableFetch();
  let view = 0;
  const loader = new ViewportLoader({
    delayMs: 20, fetchJson, request: () => ({ url: `u?v=${view}`, bbox: String(view) }),
    onData: () => {}, onError: () => assert.fail('no error expected'),
  });
  for (view = 1; view <= 5; view++) {
    loader.schedule();
  }
  await sleep(60);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, 'u?v=6');
  loader.stop();
});

test('a newer load aborts the older one, and a late old answer is dropped', async () => {
  const { calls, fetchJson } = controllableFetch();
  const delivered = [];
  const states = [];
  let view = 'a';
  const loader = new ViewportLoader({
    fetchJson, request: () => ({ url: view, bbox: view }),
    onData: (data, bbox) => delivered.push([data, bbox]),
    onError: (e) => assert.fail(`no error expected: ${e}`),
    onState: (s, bbox) => states.push(`${s}:${bbox}`),
  });
  const first = loader.load();
  view = 'b';
  const second = loader.load();
  assert.equal(calls[0].aborted, true);
  calls[0].resolve('stale');
  calls[1].resolve('fresh');
  await Promise.all([first, second]);
  assert.deepEqual(delivered, [['fresh', 'b']]);
  assert.deepEqual(states, ['loading:a', 'loading:b', 'ready:b']);
});

test('a failure reaches onError and sets the error state', async () => {
  const errors = [];
  const states = [];
  const loader = new ViewportLoader({
    fetchJson: async () => { throw new ApiError('api/hazards', 503, 'HTTP 503'); },
    request: () => ({ url: 'api/hazards', bbox: '1,2,3,4' }),
    onData: () => assert.fail('no data expected'),
    onError: (e) => errors.push(e.detail),
    onState: (s) => states.push(s),
  });
  await loader.load();
  assert.deepEqual(errors, ['HTTP 503']);
  assert.deepEqual(states, ['loading', 'error']);
});

test('getJson reports the status and the server message', async () => {
  const fetchImpl = async () => new Response(JSON.stringify({ error: 'bbox must have 4 numbers' }), { status: 400 });
  await assert.rejects(getJson('api/shelters?bbox=x', { fetchImpl }), (e) => {
    assert.equal(e.status, 400);
    assert.equal(e.detail, 'HTTP 400 – bbox must have 4 numbers');
    return true;
  });
  const down = async () => { throw new TypeError('fetch failed'); };
  await assert.rejects(getJson('api/town', { fetchImpl: down }), (e) => e.status === 0 && e.detail === 'fetch failed');
  const ok = async () => new Response('{"a":1}', { status: 200 });
  assert.deepEqual(await getJson('api/config', { fetchImpl: ok }), { a: 1 });
});
