// Every string the UI shows, in Japanese (the default) and English, from the tables under
// messages/ (one per page, the map's also holding the shared names). Codes sent by the API
// (shelter kinds, hazard codes, factors, checks, register codes) are keys here too, so a page
// never prints a raw code to a person.

import { MAP_MESSAGES } from './messages/map.js';
import { LOGIN_MESSAGES } from './messages/login.js';
import { PLANNER_MESSAGES } from './messages/planner.js';
import { REGISTER_MESSAGES } from './messages/register.js';
import { DISPATCH_MESSAGES } from './messages/dispatch.js';
import { HQ_MESSAGES } from './messages/hq.js';
import { EDIT_MESSAGES } from './messages/edit.js';
import { SUPPORTER_MESSAGES } from './messages/supporter.js';

export const LANGUAGES = ['ja', 'en'];
export const DEFAULT_LANGUAGE = 'ja';

/** The tables merged into one per language; each key is defined in exactly one table (tested). */
export const TABLES = [
  MAP_MESSAGES, PLANNER_MESSAGES, REGISTER_MESSAGES, LOGIN_MESSAGES, EDIT_MESSAGES, DISPATCH_MESSAGES, HQ_MESSAGES,
  SUPPORTER_MESSAGES,
];

export const MESSAGES = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, Object.assign({}, ...TABLES.map((table) => table[lang]))]),
);

/** The language a page starts in: `?lang=en` or `?lang=ja`, else Japanese. */
export function languageFromSearch(search) {
  const lang = new URLSearchParams(search || '').get('lang');
  return LANGUAGES.includes(lang) ? lang : DEFAULT_LANGUAGE;
}

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `params`. A key missing
 * from the table returns the key itself, so a gap shows on screen instead of an empty label.
 */
export function translate(lang, key, params = {}) {
  const table = MESSAGES[lang] || MESSAGES[DEFAULT_LANGUAGE];
  const text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Formats a count the way the language writes numbers (1,234). */
export function formatNumber(lang, n) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ja-JP').format(n);
}
