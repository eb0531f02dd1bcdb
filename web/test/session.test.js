import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterLogin, canReadRegister, loginErrorKey, loginHref, postJson, safeNext, scopedDistrict,
} from '../src/session.js';

const HERE = 'https://town.example.jp/login.html?next=x';
const READERS = ['admin', 'hq', 'planner'];

test('after signing in, only pages of this same site are followed', () => {
  assert.equal(safeNext('/planner.html?band=A', HERE), '/planner.html?band=A');
  assert.equal(safeNext('planner.html?resident=12', HERE), '/planner.html?resident=12');
  assert.equal(safeNext('/', HERE), '/');
  for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '\\\\evil.example',
    'javascript:alert(1)', 'data:text/html,hi', 'http://town.example.jp/', ' //evil.example', '/login.html', '',
    null, undefined, '/a\nb']) {
    assert.equal(safeNext(bad, HERE), '/planner.html', `refused: ${JSON.stringify(bad)}`);
  }
});

test('under a path prefix the default and relative targets stay under it', () => {
  const base = 'https://city.example.jp/mimamori/login.html';
  assert.equal(safeNext(null, base), '/mimamori/planner.html');
  assert.equal(safeNext('/mimamori/planner.html?lang=en', base), '/mimamori/planner.html?lang=en');
});

test('the sign-in address keeps where the person was, as a path, and the language', () => {
  assert.equal(loginHref('https://t.example/planner.html?band=A&resident=3'),
    'login.html?next=%2Fplanner.html%3Fband%3DA%26resident%3D3');
  assert.equal(loginHref('https://t.example/planner.html', { lang: 'en' }), 'login.html?next=%2Fplanner.html&lang=en');
});

test('the language chosen on the sign-in page carries over', () => {
  assert.equal(afterLogin('/planner.html?band=A', 'en'), '/planner.html?band=A&lang=en');
  assert.equal(afterLogin('/planner.html?lang=en&band=A', 'ja'), '/planner.html?band=A');
  assert.equal(afterLogin('/planner.html', 'ja'), '/planner.html');
});

test('refusals are worded by the server code, then the status', () => {
  assert.equal(loginErrorKey(401, 'wrong_credentials'), 'login.error.wrong_credentials');
  assert.equal(loginErrorKey(401, 'account_locked'), 'login.error.account_locked');
  assert.equal(loginErrorKey(401, undefined), 'login.error.wrong_credentials');
  assert.equal(loginErrorKey(429, 'too_many_requests'), 'login.error.too_many');
  assert.equal(loginErrorKey(400, 'bad_request'), 'login.error.missing');
  assert.equal(loginErrorKey(0), 'login.error.network');
  assert.equal(loginErrorKey(500, 'internal_error'), 'login.error.other');
});

test('readers and district scope follow the roles from api/me', () => {
  const wide = { roles: [{ role: 'planner', district_id: null }] };
  const ward = { roles: [{ role: 'planner', district_id: 7 }, { role: 'dispatcher', district_id: null }] };
  const dispatcher = { roles: [{ role: 'dispatcher', district_id: null }] };
  assert.equal(canReadRegister(wide, READERS), true);
  assert.equal(canReadRegister(dispatcher, READERS), false);
  assert.equal(canReadRegister(null, READERS), false);
  assert.equal(scopedDistrict(wide, READERS), null);
  assert.equal(scopedDistrict(ward, READERS), '7');
  assert.equal(scopedDistrict({ roles: [{ role: 'hq', district_id: null }, { role: 'planner', district_id: 7 }] }, READERS), null);
});

test('postJson sends JSON with the CSRF header and reports status and body, never throwing', async () => {
  let seen;
  const fetchImpl = async (url, init) => {
    seen = { url, init };
    return { status: 401, text: async () => '{"error":"account_locked","message":"locked"}' };
  };
  const answer = await postJson('api/login', { login: 'a', password: 'b' }, { csrf: 't0k', fetchImpl });
  assert.equal(seen.init.method, 'POST');
  assert.equal(seen.init.headers['X-CSRF-Token'], 't0k');
  assert.deepEqual(JSON.parse(seen.init.body), { login: 'a', password: 'b' });
  assert.equal(answer.status, 401);
  assert.equal(answer.body.error, 'account_locked');
  const down = await postJson('api/login', {}, { fetchImpl: async () => { throw new TypeError('Failed to fetch'); } });
  assert.equal(down.status, 0);
  assert.equal(down.detail, 'Failed to fetch');
});
