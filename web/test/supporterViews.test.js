import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES } from '../src/i18n.js';
import { ESCALATING, STATUSES } from '../src/supporter/outbox.js';
import { routeChange } from '../src/supporter/routeChange.js';
import { changeHtml, geoUri, logHtml, shelterOptions, stopCardHtml, telUri } from '../src/supporter/views.js';

const NEEDS = ['wheelchair', 'two_people', 'ventilator', 'medical_device', 'sign_language', 'written_notes', 'guide',
  'info_support', 'decision_support'];

function stop(overrides = {}) {
  return {
    seq: 1, check_id: 11, planned_arrival: '2026-11-22T03:05:00Z', status: 'assigned', escalated: false,
    name: '試験 <花子>', name_kana: 'シケン ハナコ', address: '沼津市1-2-3', lon: 138.8, lat: 35.1, phone: '(055) 999-0000',
    needs: ['wheelchair', 'ventilator'], care_level: 'care_5', medical_devices: ['ventilator'], ventilator_24h: true,
    household_members: 2, destination: { kind: 'shelter', shelter_id: 5, shelter_name: '第一小学校', lon: 138.81, lat: 35.11, note: null },
    items_to_carry: ['お薬手帳'], ...overrides,
  };
}

function route(revision, ids, emergency = 1) {
  return { emergency: { id: emergency }, revision, stops: ids.map((id, i) => stop({ seq: i + 1, check_id: id, name: `N${id}` })) };
}

test('every status, need and shelter code the page shows has a label in both languages', () => {
  const keys = [
    ...['not_assigned', 'assigned', ...STATUSES].map((s) => `status.${s}`),
    ...NEEDS.map((n) => `need.${n}`),
    ...['shelter', 'relative_home', 'care_facility_short_stay', 'stay_home'].map((d) => `destination.${d}`),
  ];
  for (const lang of ['ja', 'en']) {
    for (const key of keys) {
      assert.ok(Object.hasOwn(MESSAGES[lang], key), `${lang} lacks ${key}`);
    }
  }
});

test('an open card has one button per status, escalations marked, and escapes the server text', () => {
  const html = stopCardHtml(stop(), { lang: 'ja', open: true, shelters: [{ id: 7, name: '公民館' }] });
  for (const s of STATUSES) {
    assert.equal(html.split(`data-report="${s}"`).length, 2, `one button for ${s}`);
  }
  for (const s of ESCALATING) {
    assert.match(html, new RegExp(`status-button--${s} status-button--escalate`));
  }
  assert.ok(html.includes('試験 &lt;花子&gt;'));
  assert.ok(!html.includes('<花子>'));
  assert.ok(html.includes('人工呼吸器（24時間）'));
  assert.ok(html.includes('要介護5'));
  assert.ok(html.includes('href="tel:0559990000"'));
  assert.ok(html.includes('<option value="5" selected>第一小学校</option>'), 'the plan destination comes first, chosen');
  const closed = stopCardHtml(stop(), { lang: 'en', open: false });
  assert.ok(!closed.includes('data-report='), 'a closed card has no report buttons');
  assert.ok(closed.includes('Ventilator (needs power)'));
});

test('a conflict and waiting reports show on the card', () => {
  const html = stopCardHtml(stop({ status: 'safe_at_home' }), {
    lang: 'ja', open: false, conflict: { status: 'not_at_home' },
    waiting: [{ kind: 'status', status: 'on_the_way' }, { kind: 'photo' }],
  });
  assert.match(html, /data-testid="stop-conflict"[^>]*>送った「不在」より新しい報告が既にあります。記録として残りましたが、現在の状況は「在宅で無事」です。/);
  assert.match(html, /data-testid="stop-waiting" data-value="2">向かっています → 写真 ・ 送信待ち/);
});

test('links: geo: with the home only, tel: with digits only', () => {
  assert.equal(geoUri({ lat: 35.1, lon: 138.8 }), 'geo:35.100000,138.800000?q=35.100000,138.800000');
  assert.equal(telUri('055-999-0000'), 'tel:0559990000');
  assert.equal(telUri('+81 55 999 0000'), 'tel:+81559990000');
  assert.equal(telUri(null), null);
  assert.equal(telUri('-'), null);
});

test('shelter choices: the plan destination first, then the nearby ones without repeats', () => {
  const options = shelterOptions(stop(), [{ id: 7, name: 'A' }, { id: 5, name: '第一小学校' }]);
  assert.deepEqual(options.map((o) => o.id), [5, 7]);
  assert.deepEqual(shelterOptions(stop({ destination: null }), []).map((o) => o.id), []);
});

test('a new revision is described by what was added, removed and reordered', () => {
  assert.equal(routeChange(null, route(1, [1, 2])), null);
  assert.equal(routeChange(route(1, [1, 2]), route(1, [1, 2])), null);
  const change = routeChange(route(1, [1, 2, 3]), route(2, [2, 1, 4]));
  assert.deepEqual(change.added.map((s) => s.check_id), [4]);
  assert.deepEqual(change.removed.map((s) => s.check_id), [3]);
  assert.equal(change.reordered, true);
  assert.equal(routeChange(route(1, [1, 2]), route(2, [1, 2, 3])).reordered, false);
  const html = changeHtml(change, 'en');
  assert.match(html, /data-revision="2"/);
  assert.match(html, /Added: N4/);
  assert.match(html, /No longer yours \(do not visit\): N3/);
  assert.equal(changeHtml(null, 'ja'), '');
});

test('the log names each report, newest first as given, with its outcome', () => {
  const html = logHtml([
    { key: 'b', checkId: 11, kind: 'status', status: 'evacuated', outcome: 'conflict', clientTime: '2026-11-22T03:00:00Z' },
    { key: 'a', checkId: 99, kind: 'photo', status: null, outcome: 'rejected', detail: 'HTTP 403', clientTime: null },
  ], route(1, [11]), 'ja');
  assert.match(html, /N11: 避難済み/);
  assert.match(html, /より新しい報告があるため/);
  assert.match(html, /訪問先 #99: 写真/);
  assert.match(html, /送れませんでした: HTTP 403/);
  assert.match(logHtml([], null, 'en'), /No reports yet/);
});
