import { test } from 'node:test';
import assert from 'node:assert/strict';
import { depthColour, rankLabelKey, zoneStyle } from '../src/hazardStyle.js';

test('depth ranks take the national inundation depth colours', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map(depthColour),
    ['#F7F5A9', '#FFD8C0', '#FFB7B7', '#FF9191', '#F285C9', '#DC7ADC'],
  );
  assert.equal(depthColour(9), '#B0B0B0', 'a rank beyond the scheme is grey, not a wrong band');
});

test('flood and tsunami fill by depth but differ in outline', () => {
  const flood = zoneStyle({ hazard_type: 'flood', rank: 3 });
  const tsunami = zoneStyle({ hazard_type: 'tsunami', rank: 3 });
  assert.equal(flood.fillColor, '#FFB7B7');
  assert.equal(tsunami.fillColor, '#FFB7B7');
  assert.notDeepEqual([flood.color, flood.dashArray], [tsunami.color, tsunami.dashArray]);
  assert.match(tsunami.className, /hazard-zone--tsunami/);
});

test('landslide warning is yellow and dashed, special warning red and hatched', () => {
  const warning = zoneStyle({ hazard_type: 'landslide', rank: 1 });
  const special = zoneStyle({ hazard_type: 'landslide', rank: 2 });
  assert.equal(warning.fillColor, '#FFE100');
  assert.ok(warning.dashArray);
  assert.equal(special.fillColor, 'url(#hatch-landslide-special)');
  assert.equal(special.dashArray, null);
  assert.ok(special.weight > warning.weight);
});

test('rank labels', () => {
  assert.equal(rankLabelKey('tsunami', 6), 'depth.6');
  assert.equal(rankLabelKey('flood', 8), 'depth.other');
  assert.equal(rankLabelKey('landslide', 2), 'landslide.2');
});
