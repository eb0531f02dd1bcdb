import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capacityText, hazardLabels, shelterPopupHtml, targetGroupsText, zonePopupHtml } from '../src/popups.js';
import { SHELTER_KINDS, SHELTER_SYMBOLS, shelterSvg } from '../src/shelterSymbols.js';

const welfare = {
  kind: 'welfare_shelter',
  name: 'みはらし園 <b>',
  address: '架空市1-2',
  hazards: ['tsunami', 'flood', 'earthquake'],
  target_groups: ['elderly', 'families'],
  target_groups_text: '高齢者とその家族等',
  disability_types: ['physical', 'visual'],
  capacity_persons: 1200,
  capacity_children: 30,
  source: 'demo',
};

test('designated hazards are listed in the GSI order', () => {
  assert.deepEqual(hazardLabels('ja', ['tsunami', 'flood', 'earthquake']), ['洪水', '地震', '津波']);
  assert.deepEqual(hazardLabels('en', ['landslide']), ['Landslide']);
});

test('the shelter popup shows name, kind, hazards, groups, disabilities and capacity', () => {
  const html = shelterPopupHtml('ja', welfare);
  assert.match(html, /みはらし園 &lt;b&gt;/, 'the name is escaped');
  assert.doesNotMatch(html, /<b>/);
  assert.match(html, /指定福祉避難所/);
  assert.match(html, /<li>洪水<\/li><li>地震<\/li><li>津波<\/li>/);
  assert.match(html, /高齢者とその家族等/);
  assert.match(html, /肢体不自由、視覚障害/);
  assert.match(html, /1,200 人（うち子ども 30 人）/);
});

test('the English popup uses labels of the codes', () => {
  const html = shelterPopupHtml('en', welfare);
  assert.match(html, /Welfare shelter/);
  assert.match(html, /Elderly, and their families/);
  assert.match(html, /1,200 persons \(of whom 30 children\)/);
});

test('unknown capacity and no designation are said, not left blank', () => {
  assert.equal(capacityText('ja', { capacity_persons: null }), '不明');
  const html = shelterPopupHtml('en', { kind: 'designated_shelter', name: 'X', hazards: [] });
  assert.match(html, /none designated/);
  assert.equal(targetGroupsText('ja', { target_groups: ['pupils'] }), '在校生');
});

test('the zone popup names the type and the depth band', () => {
  const html = zonePopupHtml('ja', { hazard_type: 'tsunami', rank: 2, name: null });
  assert.match(html, /津波浸水想定区域/);
  assert.match(html, /0\.5〜3m/);
  const slide = zonePopupHtml('en', { hazard_type: 'landslide', rank: 2, phenomenon: 'debris_flow', name: 'A-1' });
  assert.match(slide, /special warning/);
  assert.match(slide, /Debris flow/);
});

test('each shelter kind differs from every other in shape, colour and glyph', () => {
  for (const field of ['shape', 'colour']) {
    assert.equal(new Set(SHELTER_KINDS.map((k) => SHELTER_SYMBOLS[k][field])).size, SHELTER_KINDS.length, field);
  }
  assert.equal(new Set(SHELTER_KINDS.map((k) => SHELTER_SYMBOLS[k].glyph.ja)).size, SHELTER_KINDS.length);
  assert.match(shelterSvg('child_welfare_shelter', 'en', 'Child "welfare"'), /aria-label="Child &quot;welfare&quot;"/);
});
