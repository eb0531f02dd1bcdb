import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES, TABLES, formatNumber, languageFromSearch, translate } from '../src/i18n.js';
import {
  BANDS, CHECKS, FACTORS, HAZARD_FILTERS, PLAN_STATUSES, PROFILES, REGISTER_CODES,
} from '../src/planner/codes.js';
import { FILTER_KEYS } from '../src/planner/filters.js';
import { COLUMNS } from '../src/planner/rankedList.js';
import { SHELTER_KINDS } from '../src/shelterSymbols.js';
import { DEPTH_RANKS, ZONE_TYPES } from '../src/hazardStyle.js';
import { DESIGNATION_ORDER } from '../src/popups.js';

test('Japanese and English tables have exactly the same keys', () => {
  assert.deepEqual(Object.keys(MESSAGES.en).sort(), Object.keys(MESSAGES.ja).sort());
});

test('each table has the same keys in both languages, and no key is defined by two tables', () => {
  const seen = new Map();
  TABLES.forEach((table, i) => {
    assert.deepEqual(Object.keys(table.en).sort(), Object.keys(table.ja).sort(), `table ${i}`);
    for (const key of Object.keys(table.ja)) {
      assert.ok(!seen.has(key), `${key} is in tables ${seen.get(key)} and ${i}`);
      seen.set(key, i);
    }
  });
});

test('no string is left empty or untranslated placeholder-wise', () => {
  for (const key of Object.keys(MESSAGES.ja)) {
    for (const lang of ['ja', 'en']) {
      assert.ok(MESSAGES[lang][key].length > 0, `${lang} ${key} is empty`);
    }
    const names = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(MESSAGES.en[key]), names(MESSAGES.ja[key]), `${key}: the same placeholders in both`);
  }
});

test('every code of the planner and the register has a label in both languages', () => {
  const keys = [
    ...PROFILES.map((p) => `profile.${p}`),
    ...BANDS.map((b) => `band.${b}`),
    ...HAZARD_FILTERS.map((h) => `hazard.${h}`),
    ...PLAN_STATUSES.map((s) => `plan.status.${s}`),
    ...FACTORS.map((f) => `factor.${f}`),
    ...CHECKS.map((c) => `check.${c}`),
    ...FILTER_KEYS.map((f) => `filter.${f}`),
    ...COLUMNS.map((c) => `list.col.${c}`),
    ...Object.entries(REGISTER_CODES).flatMap(([prefix, codes]) => codes.map((c) => `${prefix}.${c}`)),
  ];
  for (const lang of ['ja', 'en']) {
    for (const key of keys) {
      assert.ok(Object.hasOwn(MESSAGES[lang], key), `${lang} lacks ${key}`);
    }
  }
  assert.equal(translate('ja', 'check.no_supporter'), '支援者なし');
  assert.equal(translate('en', 'plan.status.partial'), 'Partly filled');
});

test('every code the API sends has a label in both languages', () => {
  const keys = [
    ...SHELTER_KINDS.map((k) => `kind.${k}`),
    ...DESIGNATION_ORDER.map((h) => `hazard.${h}`),
    ...ZONE_TYPES.map((t) => `zone.${t}`),
    ...DEPTH_RANKS.map((r) => `depth.${r}`),
    'landslide.1', 'landslide.2',
    ...['care_needing', 'elderly', 'disabled', 'pupils', 'preschool_disabled', 'pregnant', 'infants',
      'designated_by_city', 'families'].map((g) => `group.${g}`),
    ...['physical', 'visual', 'hearing', 'intellectual', 'mental', 'developmental'].map((d) => `disability.${d}`),
  ];
  for (const lang of ['ja', 'en']) {
    for (const key of keys) {
      assert.ok(Object.hasOwn(MESSAGES[lang], key), `${lang} lacks ${key}`);
    }
  }
});

test('the designated hazards read as the GSI names them', () => {
  const ja = DESIGNATION_ORDER.map((h) => translate('ja', `hazard.${h}`));
  assert.deepEqual(ja, ['洪水', '土砂災害', '高潮', '地震', '津波', '大規模な火事', '内水氾濫', '火山現象']);
  assert.equal(translate('en', 'hazard.inland_flood'), 'Inland flooding');
});

test('translate fills placeholders and shows a missing key as itself', () => {
  assert.equal(translate('ja', 'unit.count', { n: 12 }), '12 件');
  assert.equal(translate('en', 'popup.capacity.children', { n: 3 }), 'of whom 3 children');
  assert.equal(translate('en', 'no.such.key'), 'no.such.key');
  assert.equal(translate('xx', 'app.lang.switch'), 'English', 'an unknown language falls back to Japanese');
});

test('the language comes from ?lang=, Japanese by default', () => {
  assert.equal(languageFromSearch(''), 'ja');
  assert.equal(languageFromSearch('?lang=en'), 'en');
  assert.equal(languageFromSearch('?x=1&lang=ja'), 'ja');
  assert.equal(languageFromSearch('?lang=fr'), 'ja');
});

test('numbers are grouped by thousands', () => {
  assert.equal(formatNumber('ja', 12345), '12,345');
  assert.equal(formatNumber('en', 1234567), '1,234,567');
});
