import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageText, codeLabel, codeList, formatDate, homeHazardLines, japaneseEra, pointsTotal, reasonWords,
  selectionSizeText, topReasons,
} from '../src/planner/format.js';

test('dates read the language way, with the Japanese era on request', () => {
  assert.equal(formatDate('ja', '1940-04-03'), '1940年4月3日');
  assert.equal(formatDate('en', '1940-04-03'), '1940-04-03');
  assert.equal(formatDate('ja', '1940-04-03', { withEra: true }), '1940年4月3日（昭和15年）');
  assert.equal(formatDate('en', '1940-04-03', { withEra: true }), '1940-04-03 (Showa 15)');
  assert.equal(formatDate('ja', '1989-01-08', { withEra: true }), '1989年1月8日（平成元年）');
  assert.equal(formatDate('ja', '1989-01-07', { withEra: true }), '1989年1月7日（昭和64年）');
  assert.equal(formatDate('ja', null), '—');
  assert.equal(formatDate('ja', 'someday'), 'someday');
});

test('eras start on their first day', () => {
  assert.deepEqual(japaneseEra(2019, 5, 1), { key: 'reiwa', year: 1 });
  assert.deepEqual(japaneseEra(2019, 4, 30), { key: 'heisei', year: 31 });
  assert.deepEqual(japaneseEra(1926, 12, 25), { key: 'showa', year: 1 });
  assert.deepEqual(japaneseEra(1920, 1, 1), { key: 'taisho', year: 9 });
  assert.equal(japaneseEra(1800, 1, 1), null);
});

test('hazards at home name the hazard and its depth band or warning class, in a fixed order', () => {
  assert.deepEqual(homeHazardLines('ja', { landslide: 2, flood: 2 }), ['洪水: 0.5〜3m', '土砂災害: 土砂災害特別警戒区域（レッド）']);
  assert.deepEqual(homeHazardLines('en', { tsunami: 3 }), ['Tsunami: 3–5 m']);
  assert.deepEqual(homeHazardLines('en', {}), []);
});

test('reasons: the API words in the language, the top three and a count of the rest', () => {
  const reasons = [
    { factor: 'ventilator_24h', ja: '人工呼吸器を24時間使用', en: 'Ventilator 24 hours a day', points: 40 },
    { factor: 'lives_alone', ja: 'ひとり暮らし', en: 'Lives alone', points: 10 },
    { factor: 'care_5', points: 20 },
    { factor: 'no_supporter', ja: '避難支援等実施者がいない', en: 'No supporter', points: 5 },
  ];
  assert.deepEqual(topReasons('en', reasons), { shown: ['Ventilator 24 hours a day', 'Lives alone', 'Care level 5'], more: 1 });
  assert.equal(reasonWords('ja', reasons[2]), '要介護5', 'a reason without words takes the table label');
  assert.equal(pointsTotal(reasons), 75);
  assert.equal(pointsTotal(undefined), 0);
});

test('codes become labels; lists join the language way; unknown stays visible', () => {
  assert.equal(codeLabel('ja', 'care', 'care_4'), '要介護4');
  assert.equal(codeLabel('en', 'relation', 'welfare_commissioner'), 'Welfare commissioner');
  assert.equal(codeLabel('en', 'care', null), '—');
  assert.equal(codeLabel('en', 'care', 'care_9'), 'care.care_9');
  assert.equal(codeList('ja', 'device', ['oxygen', 'suction']), '在宅酸素、吸引器');
  assert.equal(codeList('en', 'device', []), 'none');
  assert.equal(ageText('ja', 81), '81 歳');
  assert.equal(ageText('en', null), '—');
});

test('the selection size says when the map hit its cap', () => {
  assert.equal(selectionSizeText('ja', 312, 10000), '312');
  assert.equal(selectionSizeText('ja', 10000, 10000), '10,000 人以上');
  assert.equal(selectionSizeText('en', null, 10000), '…');
});
