// Words and numbers for the planner's page: pure functions of (language, value), no DOM, so they
// run under `node --test`. Codes become labels through the i18n table; a code the table lacks
// shows as its key rather than vanishing.

import { formatNumber, translate } from '../i18n.js';
import { rankLabelKey } from '../hazardStyle.js';

/** The label of a code under an i18n prefix (`sex`, `care`, `plan.status`, ...); '—' for none. */
export function codeLabel(lang, prefix, code) {
  if (code === null || code === undefined || code === '') {
    return '—';
  }
  return translate(lang, `${prefix}.${code}`);
}

/** Labels of a list of codes joined the language's way; `none` when the list is empty. */
export function codeList(lang, prefix, codes) {
  if (!Array.isArray(codes) || codes.length === 0) {
    return translate(lang, 'value.none');
  }
  return codes.map((c) => codeLabel(lang, prefix, c)).join(translate(lang, 'list.separator'));
}

/** A reason's words in the language: the API's own words, else the table's factor label. */
export function reasonWords(lang, reason) {
  const own = reason && reason[lang];
  return own || translate(lang, `factor.${reason && reason.factor}`);
}

/** The first `n` reasons' words and how many more there are. */
export function topReasons(lang, reasons, n = 3) {
  const all = Array.isArray(reasons) ? reasons : [];
  return { shown: all.slice(0, n).map((r) => reasonWords(lang, r)), more: Math.max(0, all.length - n) };
}

/** Sum of a score's reasons' points (equals the score for a consistent answer). */
export function pointsTotal(reasons) {
  return (Array.isArray(reasons) ? reasons : []).reduce((sum, r) => sum + Number(r.points || 0), 0);
}

/** Hazards at the home, {flood: rank, tsunami: rank, landslide: rank}, as "洪水 0.5〜3m" lines. */
export function homeHazardLines(lang, homeHazards) {
  const order = ['flood', 'tsunami', 'storm_surge', 'inland_flood', 'landslide'];
  const entries = Object.entries(homeHazards || {}).filter(([, rank]) => rank !== null && rank !== undefined);
  entries.sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return entries.map(([type, rank]) => {
    const hazard = translate(lang, `hazard.${type}`);
    const rankText = translate(lang, rankLabelKey(type, Number(rank)), { rank });
    return `${hazard}: ${rankText}`;
  });
}

/** "12 点" / "12 pts". */
export function pointsText(lang, n) {
  return translate(lang, 'unit.points', { n: formatNumber(lang, n) });
}

/** "81 歳" / "81"; '—' when unknown. */
export function ageText(lang, age) {
  return age === null || age === undefined ? '—' : translate(lang, 'unit.age', { n: age });
}

const ERAS = [
  { key: 'reiwa', start: [2019, 5, 1] },
  { key: 'heisei', start: [1989, 1, 8] },
  { key: 'showa', start: [1926, 12, 25] },
  { key: 'taisho', start: [1912, 7, 30] },
  { key: 'meiji', start: [1868, 10, 23] },
];

function notBefore([y, m, d], [ey, em, ed]) {
  return y !== ey ? y > ey : m !== em ? m > em : d >= ed;
}

/** The Japanese era of a date, {key, year}, or null before Meiji. */
export function japaneseEra(y, m, d) {
  const era = ERAS.find((e) => notBefore([y, m, d], e.start));
  return era ? { key: era.key, year: y - era.start[0] + 1 } : null;
}

/**
 * An ISO date (`1940-04-03`) as the language writes it, with the Japanese era when `withEra`
 * (`1940年4月3日（昭和15年）`). Not a date: the text itself; empty: '—'.
 */
export function formatDate(lang, iso, { withEra = false } = {}) {
  if (!iso) {
    return '—';
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  if (!match) {
    return String(iso);
  }
  const [y, m, d] = match.slice(1).map(Number);
  const text = translate(lang, 'date.format', {
    y, m: lang === 'ja' ? m : match[2], d: lang === 'ja' ? d : match[3],
  });
  const era = withEra ? japaneseEra(y, m, d) : null;
  if (!era) {
    return text;
  }
  const eraName = translate(lang, `era.${era.key}`);
  const eraText = era.year === 1
    ? translate(lang, 'date.era.first', { era: eraName })
    : translate(lang, 'date.era', { era: eraName, n: era.year });
  return lang === 'ja' ? `${text}（${eraText}）` : `${text} (${eraText})`;
}

/** The selection's size: exact, or "10,000 or more" when the map's answer hit its cap. */
export function selectionSizeText(lang, count, cap) {
  if (count === null || count === undefined) {
    return '…';
  }
  return count >= cap
    ? translate(lang, 'list.total.capped', { n: formatNumber(lang, cap) })
    : formatNumber(lang, count);
}
