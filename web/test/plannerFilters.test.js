import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  csvUrl, filterQuery, filtersFromSearch, geojsonUrl, hasNarrowingFilters, listUrl, pageSearch,
  residentFromSearch, residentUrl, withFilter,
} from '../src/planner/filters.js';

test('filters come from the address: known keys with valid values only, national by default', () => {
  assert.deepEqual(filtersFromSearch(''), { profile: 'national' });
  assert.deepEqual(filtersFromSearch('?band=A&hazard=flood&profile=kobe&district=12&lang=en&resident=5'),
    { profile: 'kobe', district: '12', hazard: 'flood', band: 'A' });
  assert.deepEqual(filtersFromSearch('?band=Z&hazard=meteor&district=0&factor=nope&check=x&plan_status=done\'--&profile=mars'),
    { profile: 'national' });
  assert.deepEqual(filtersFromSearch('?district=3%20OR%201=1'), { profile: 'national' });
  assert.deepEqual(filtersFromSearch('?factor=care_5&check=no_supporter&plan_status=none'),
    { profile: 'national', factor: 'care_5', plan_status: 'none', check: 'no_supporter' });
});

test('the query string lists the set filters in a fixed order, always with the profile', () => {
  const filters = { band: 'A', hazard: 'flood', profile: 'national', district: '4', check: 'not_reviewed' };
  assert.equal(filterQuery(filters), 'profile=national&district=4&hazard=flood&band=A&check=not_reviewed');
  assert.equal(filterQuery({}), 'profile=national');
  assert.equal(filterQuery({ profile: 'kobe', band: '' }), 'profile=kobe');
});

test('list, map, CSV and resident URLs carry the same selection', () => {
  const filters = { profile: 'kobe', hazard: 'tsunami', band: 'B' };
  assert.equal(listUrl(filters), 'api/residents?profile=kobe&hazard=tsunami&band=B&limit=50');
  assert.equal(listUrl(filters, { after: { after_score: 41, after_id: 1234 } }),
    'api/residents?profile=kobe&hazard=tsunami&band=B&limit=50&after_score=41&after_id=1234');
  assert.equal(geojsonUrl(filters), 'api/residents.geojson?profile=kobe&hazard=tsunami&band=B');
  assert.equal(csvUrl(filters), 'api/residents.csv?profile=kobe&hazard=tsunami&band=B');
  assert.equal(residentUrl('77', filters), 'api/residents/77?profile=kobe');
  assert.equal(residentUrl(77, {}), 'api/residents/77?profile=national');
});

test('setting a filter to empty or an invalid value removes it', () => {
  const a = withFilter({ profile: 'national' }, 'band', 'A');
  assert.deepEqual(a, { profile: 'national', band: 'A' });
  assert.deepEqual(withFilter(a, 'band', ''), { profile: 'national' });
  assert.deepEqual(withFilter(a, 'band', 'Q'), { profile: 'national' });
  assert.deepEqual(withFilter(a, 'profile', ''), { profile: 'national', band: 'A' });
  assert.equal(hasNarrowingFilters({ profile: 'kobe' }), false);
  assert.equal(hasNarrowingFilters(a), true);
});

test("the page's own address holds codes, language and a resident id, nothing else", () => {
  assert.equal(pageSearch({ profile: 'national' }), '');
  assert.equal(pageSearch({ profile: 'national', band: 'A' }, { lang: 'en', resident: '42' }), '?band=A&lang=en&resident=42');
  assert.equal(pageSearch({ profile: 'kobe' }, { lang: 'ja' }), '?profile=kobe');
  assert.equal(pageSearch({ profile: 'national' }, { resident: 'Yamada' }), '', 'only a numeric id goes in');
  assert.equal(residentFromSearch('?resident=42'), '42');
  assert.equal(residentFromSearch('?resident=0'), null);
  assert.equal(residentFromSearch('?resident=4x'), null);
  assert.equal(residentFromSearch(''), null);
});
