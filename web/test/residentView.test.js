import { test } from 'node:test';
import assert from 'node:assert/strict';
import { residentHtml } from '../src/planner/residentView.js';
import { rowHtml } from '../src/planner/rankedList.js';

const detail = {
  resident: {
    id: 12, register_no: 'R-0012', family_name: '山田', given_name: '<花子>', family_name_kana: 'やまだ',
    given_name_kana: 'はなこ', birth_date: '1938-02-11', age: 87, sex: 'female', phone: '055-000-0000',
    register_status: 'active',
    home: { address: '架空町1-2', district: '北地区', composition: 'alone', member_count: 1, family_frail: false, alone_daytime: false },
    condition: { care_level: 'care_5', disability_types: ['physical'], physical_disability_grade: 1,
      medical_devices: ['ventilator'], ventilator_24h: true, needs_info_support: true, needs_decision_support: false,
      severe_motor_intellectual: false, school_status: 'none' },
    plan: { status: 'partial', destination_kind: 'shelter', destination: { name: '第一小学校', kind: 'evacuation_site' },
      items_to_carry: ['保険証'], home_hazards: ['flood'], last_reviewed_on: '2024-03-01',
      supporters: [{ ordinal: 1, kind: 'person', relation: 'neighbour', name: '佐藤 一郎', phone: '090-0000-0000' }] },
    consent: { state: 'presumed', basis: 'ordinance_presumption', decided_on: '2023-04-01' },
  },
  priority: { score: 75, band: 'A', home_hazards: { flood: 3 }, reasons: [
    { factor: 'ventilator_24h', points: 40, ja: '人工呼吸器を24時間使用', en: 'Ventilator 24 hours a day' },
    { factor: 'care_5', points: 25, ja: '要介護5', en: 'Care level 5' },
    { factor: 'flood_over_3m', points: 10, ja: '洪水3m以上', en: 'Flood 3 m or more' },
  ] },
  plan_checks: [
    { check: 'not_reviewed', detail: '2024-03-01', reason_ja: '1年以上見直されていない（最終見直し：2024-03-01）',
      reason_en: 'Not reviewed for over a year (last reviewed: 2024-03-01)' },
  ],
};

test('the panel lists each reason with its points and a total equal to the score', () => {
  const html = residentHtml('ja', detail);
  const points = [...html.matchAll(/data-testid="resident-reason" data-factor="[^"]+" data-points="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(points, [40, 25, 10]);
  assert.match(html, /data-testid="resident-points-total" data-value="75"/);
  assert.match(html, /data-testid="resident-score" data-value="75"/);
  assert.match(html, /洪水: 3〜5m/);
});

test("failed checks carry their reason in the page's language", () => {
  assert.match(residentHtml('ja', detail), /1年以上見直されていない（最終見直し：2024-03-01）/);
  const en = residentHtml('en', detail);
  assert.match(en, /Not reviewed for over a year \(last reviewed: 2024-03-01\)/);
  assert.doesNotMatch(en, /見直されていない/);
  assert.match(en, /Care level 5/);
  assert.match(en, /Ventilator \(24 hours\)/);
  assert.match(en, /Presumed by ordinance/);
  assert.match(en, /Neighbour/);
});

test('text from the API is escaped', () => {
  const html = residentHtml('ja', detail);
  assert.match(html, /山田 &lt;花子&gt;/);
  assert.doesNotMatch(html, /<花子>/);
});

test('no plan, no consent and no score are said, not left blank', () => {
  const bare = { resident: { ...detail.resident, plan: null, consent: null }, priority: null, plan_checks: [] };
  const html = residentHtml('en', bare);
  assert.match(html, /No plan yet\./);
  assert.match(html, /Not recorded\./);
  assert.match(html, /Not scored under this profile yet\./);
  assert.match(html, /No problems found\./);
});

test('a list row shows rank, band letter with its colour, score, reasons and check labels', () => {
  const item = { id: 12, name: '山田 花子', age: 87, district: '北地区', score: 75, band: 'A', plan_status: 'none',
    hazard_types: ['flood'], failed_checks: ['no_supporter', 'consent_missing'],
    reasons: detail.priority.reasons.concat([{ factor: 'lives_alone', ja: 'ひとり暮らし', en: 'Lives alone' }]) };
  const html = rowHtml('ja', item, 3, '12');
  assert.match(html, /<td class="num rank">3<\/td>/);
  assert.match(html, /class="band band--A" style="background:#B3001B;color:#FFFFFF"[^>]*>A<\/span>/);
  assert.match(html, /ほか 1 件/);
  assert.match(html, /支援者なし/);
  assert.match(html, /情報提供の同意なし/);
  assert.match(html, /計画なし/);
  assert.match(html, /class="is-selected"/);
});
