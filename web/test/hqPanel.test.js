import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ago, emergencyHtml, escalationsHtml, legendHtml, situationHtml } from '../src/hq/sidePanel.js';

const SITUATION = {
  last_event_id: 99,
  generated_at: '2026-07-01T01:00:00Z',
  emergency: { id: 3, level: 'evacuation_order', level_ja: '避難指示', level_en: 'Evacuation order', hazard_types: ['flood'], declared_at: '2026-07-01T00:30:00Z' },
  residents: { total: 1234, bands: { A: 100, B: 200, C: 300, D: 600, none: 34 } },
  checks: { total: 50, by_status: { not_assigned: 40, needs_help: 2, could_not_reach: 1, evacuated: 7 }, escalated: 3 },
  shelters: { open: 4, near_full: 1, full: 1, occupied: 321, transfers_requested: 2, transfers_accepted: 0,
    attention: [{ shelter_id: 9, name: '第一<小>学校', kind: 'designated_shelter', occupied: 40, capacity_persons: 40, level: 'full' }] },
};

const value = (html, testId) => {
  const m = html.match(new RegExp(`data-testid="${testId}" data-value="(\\d+)">([^<]*)<`));
  return m ? { raw: Number(m[1]), shown: m[2] } : null;
};

test('every count carries its raw value and is shown with separators', () => {
  const html = situationHtml('ja', SITUATION, [], Date.parse('2026-07-01T01:00:00Z'));
  assert.deepEqual(value(html, 'count-residents-total'), { raw: 1234, shown: '1,234' });
  for (const [band, n] of Object.entries(SITUATION.residents.bands)) {
    assert.equal(value(html, `count-band-${band}`).raw, n);
  }
  assert.equal(value(html, 'count-check-not_assigned').raw, 40);
  assert.equal(value(html, 'count-check-on_the_way').raw, 0, 'a status without checks shows 0');
  assert.equal(value(html, 'count-checks-total').raw, 50);
  assert.equal(value(html, 'count-escalated').raw, 3);
  assert.equal(value(html, 'count-shelters-open').raw, 4);
  assert.equal(value(html, 'count-shelters-full').raw, 1);
  assert.equal(value(html, 'count-transfers-requested').raw, 2);
  assert.match(html, /第一&lt;小&gt;学校/, 'names are escaped');
  assert.match(html, /data-testid="attention-row" data-shelter="9" data-level="full"/);
});

test('without an emergency there are no check counts and the banner says so', () => {
  const html = situationHtml('en', { ...SITUATION, emergency: null, checks: null }, []);
  assert.equal(value(html, 'count-checks-total'), null);
  assert.match(emergencyHtml('en', null), /No emergency declared/);
  assert.match(emergencyHtml('ja', SITUATION.emergency), /避難指示・洪水（09:30 発令）/);
});

test('escalations list status, district, band, needs and age, and say how many more there are', () => {
  const now = Date.parse('2026-07-01T01:00:00Z');
  const html = escalationsHtml('en', SITUATION.checks, [{ check_id: 5, status: 'needs_help', reported_at: '2026-07-01T00:48:00Z',
    district: '大手町', band: 'A', priority_score: 80, needs: ['ventilator_24h', 'wheelchair'] }], now);
  assert.match(html, /data-testid="escalation-row" data-check="5"/);
  assert.match(html, /Needs help/);
  assert.match(html, /Ventilator \(24 h\)・Physical disability/);
  assert.match(html, /12 min ago/);
  assert.match(html, /2 more/);
  assert.match(escalationsHtml('ja', { escalated: 0 }, [], now), /ありません/);
  assert.equal(ago('ja', '2026-07-01T00:59:40Z', now), 'たった今');
});

test('the legend follows the residents layer shown', () => {
  assert.match(legendHtml('ja', 'check_status'), /要対応/);
  assert.match(legendHtml('en', 'resident_density'), /A highest/);
  assert.match(legendHtml('en', 'resident_density'), /data-testid="legend-state-full"/);
});
