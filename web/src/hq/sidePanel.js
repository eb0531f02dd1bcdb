// The wall's side panel as HTML: the emergency, residents by priority band, safety checks by
// status, the escalations to act on, the shelters open / near full / full and transfers; and the
// legend. Pure functions of the API's answers (tested with node --test). Every number carries
// data-testid="count-…" and its raw value in data-value, for the browser test that compares them
// with the database.

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { DEPTH_COLOURS, LANDSLIDE_COLOURS } from '../hazardStyle.js';
import { BAND_STYLES } from '../planner/bandStyle.js';
import { BANDS, CHECK_COLOURS, CHECK_GROUPS, SHELTER_GLYPHS, SHELTER_SHAPES, SHELTER_STATE_COLOURS } from './tileStyles.js';

export const CHECK_STATUSES = ['not_assigned', 'assigned', 'on_the_way', 'safe_at_home', 'evacuated', 'needs_help',
  'not_at_home', 'could_not_reach'];

const t = (lang, key, params) => escapeHtml(translate(lang, key, params));

function number(lang, value) {
  return Number(value || 0).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

function count(lang, testId, value, label, { swatch = null, tone = '' } = {}) {
  const dot = swatch ? `<span class="swatch" style="background:${swatch}" aria-hidden="true"></span>` : '';
  return `<div class="count${tone ? ` count--${tone}` : ''}"><dt>${dot}${label}</dt>` +
    `<dd data-testid="${testId}" data-value="${Number(value || 0)}">${number(lang, value)}</dd></div>`;
}

/** When an emergency was declared, as the wall shows it: HH:MM in Japan's time. */
export function clockTime(iso, lang) {
  const d = new Date(iso);
  return d.toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
}

/** How long ago, in whole minutes. */
export function ago(lang, iso, now) {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60000);
  return minutes < 1 ? translate(lang, 'hq.just_now') : translate(lang, 'hq.minutes_ago', { n: minutes });
}

export function emergencyHtml(lang, emergency) {
  if (!emergency) {
    return `<p class="emergency emergency--none" data-testid="emergency" data-id="">${t(lang, 'hq.no_emergency')}</p>`;
  }
  const level = lang === 'ja' ? emergency.level_ja : emergency.level_en;
  const hazards = (emergency.hazard_types || []).map((h) => translate(lang, `hazard.${h}`)).join('・');
  return `<p class="emergency emergency--${escapeHtml(emergency.level)}" data-testid="emergency" data-id="${Number(emergency.id)}">` +
    `${t(lang, 'hq.emergency', { level: level || emergency.level, hazards, time: clockTime(emergency.declared_at, lang) })}</p>`;
}

function residentsHtml(lang, residents) {
  const bands = residents.bands || {};
  return `<section class="block" aria-labelledby="h-residents"><h2 id="h-residents">${t(lang, 'hq.residents')}</h2><dl class="counts counts--bands">` +
    BANDS.map((b) => count(lang, `count-band-${b}`, bands[b], t(lang, `hq.band.${b}`), { swatch: BAND_STYLES[b].colour })).join('') +
    count(lang, 'count-band-none', bands.none, t(lang, 'hq.band.none')) +
    count(lang, 'count-residents-total', residents.total, t(lang, 'hq.total'), { tone: 'total' }) +
    '</dl></section>';
}

function groupOf(status) {
  return Object.keys(CHECK_GROUPS).find((g) => CHECK_GROUPS[g].includes(status));
}

function checksHtml(lang, checks) {
  if (!checks) {
    return '';
  }
  const by = checks.by_status || {};
  return `<section class="block" aria-labelledby="h-checks"><h2 id="h-checks">${t(lang, 'hq.checks')}</h2><dl class="counts counts--checks">` +
    CHECK_STATUSES.map((s) => count(lang, `count-check-${s}`, by[s], t(lang, `hq.status.${s}`),
      { swatch: CHECK_COLOURS[groupOf(s)], tone: groupOf(s) === 'escalated' && by[s] > 0 ? 'alert' : '' })).join('') +
    count(lang, 'count-checks-total', checks.total, t(lang, 'hq.total'), { tone: 'total' }) +
    '</dl></section>';
}

/** The escalations to act on, most urgent first: status, district, band, needs, how long ago. */
export function escalationsHtml(lang, checks, escalations, now) {
  if (!checks) {
    return '';
  }
  const rows = (escalations || []).map((e) =>
    `<li class="escalation escalation--${escapeHtml(e.status)}" data-testid="escalation-row" data-check="${Number(e.check_id)}">` +
    `<span class="escalation-status">${t(lang, `hq.status.${e.status}`)}</span>` +
    `<span class="escalation-where">${escapeHtml(e.district || '—')}</span>` +
    (e.band ? `<span class="band-chip" style="background:${BAND_STYLES[e.band] ? BAND_STYLES[e.band].colour : '#777'}">${escapeHtml(e.band)}</span>` : '') +
    `<span class="escalation-needs">${(e.needs || []).map((n) => t(lang, `hq.need.${n}`)).join('・')}</span>` +
    `<span class="escalation-age">${e.reported_at ? escapeHtml(ago(lang, e.reported_at, now)) : ''}</span></li>`).join('');
  const more = Number(checks.escalated || 0) - (escalations || []).length;
  return `<section class="block block--escalations" aria-labelledby="h-escalations"><h2 id="h-escalations">${t(lang, 'hq.escalations')}` +
    ` <span class="n-inline" data-testid="count-escalated" data-value="${Number(checks.escalated || 0)}">${number(lang, checks.escalated)}</span></h2>` +
    (rows ? `<ol class="escalations" data-testid="escalations">${rows}</ol>` : `<p class="none" data-testid="escalations-none">${t(lang, 'hq.escalations.none')}</p>`) +
    (more > 0 ? `<p class="more">${t(lang, 'hq.escalations.more', { n: more })}</p>` : '') +
    '</section>';
}

function sheltersHtml(lang, shelters) {
  const s = shelters || {};
  const attention = (s.attention || []).map((a) =>
    `<li class="attention attention--${escapeHtml(a.level)}" data-testid="attention-row" data-shelter="${Number(a.shelter_id)}" data-level="${escapeHtml(a.level)}">` +
    `<span class="attention-level">${t(lang, `hq.state.${a.level}`)}</span><span class="attention-name">${escapeHtml(a.name)}</span>` +
    `<span class="attention-count">${t(lang, 'hq.attention.row', { occupied: number(lang, a.occupied), capacity: a.capacity_persons === null ? '?' : number(lang, a.capacity_persons) })}</span></li>`).join('');
  return `<section class="block" aria-labelledby="h-shelters"><h2 id="h-shelters">${t(lang, 'hq.shelters')}</h2><dl class="counts counts--shelters">` +
    count(lang, 'count-shelters-open', s.open, t(lang, 'hq.shelters.open'), { swatch: SHELTER_STATE_COLOURS.ok }) +
    count(lang, 'count-shelters-near_full', s.near_full, t(lang, 'hq.shelters.near_full'), { swatch: SHELTER_STATE_COLOURS.near_full, tone: s.near_full > 0 ? 'warn' : '' }) +
    count(lang, 'count-shelters-full', s.full, t(lang, 'hq.shelters.full'), { swatch: SHELTER_STATE_COLOURS.full, tone: s.full > 0 ? 'alert' : '' }) +
    count(lang, 'count-shelters-occupied', s.occupied, t(lang, 'hq.shelters.occupied')) +
    count(lang, 'count-transfers-requested', s.transfers_requested, t(lang, 'hq.transfers.requested')) +
    count(lang, 'count-transfers-accepted', s.transfers_accepted, t(lang, 'hq.transfers.accepted')) +
    '</dl>' +
    (attention ? `<h3>${t(lang, 'hq.attention')}</h3><ol class="attention-list" data-testid="attention">${attention}</ol>` : '') +
    '</section>';
}

/** The panel's numbers and lists for one situation answer, most urgent first. */
export function situationHtml(lang, situation, escalations, now = Date.now()) {
  // what HQ acts on first: escalations, then the checks, the shelters, and the register by band
  return escalationsHtml(lang, situation.checks, escalations, now) + checksHtml(lang, situation.checks) +
    sheltersHtml(lang, situation.shelters) + residentsHtml(lang, situation.residents || {});
}

function shelterSymbol(kind, colour, lang) {
  const glyph = SHELTER_GLYPHS[kind][lang];
  const shapes = {
    circle: '<circle cx="12" cy="12" r="10"/>',
    square: '<rect x="3" y="3" width="18" height="18"/>',
    diamond: '<polygon points="12,1 23,12 12,23 1,12"/>',
    hexagon: '<polygon points="12,1 22,6.5 22,17.5 12,23 2,17.5 2,6.5"/>',
  };
  return `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><g fill="${colour}" stroke="#fff" stroke-width="2">` +
    `${shapes[SHELTER_SHAPES[kind]]}</g><text x="12" y="12" dy="0.36em" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${glyph}</text></svg>`;
}

/** The legend: shelter kinds and states, the residents layer shown, hazard zones. */
export function legendHtml(lang, residentsLayer) {
  const kinds = Object.keys(SHELTER_SHAPES).map((k) =>
    `<li>${shelterSymbol(k, SHELTER_STATE_COLOURS.ok, lang)}${t(lang, `kind.${k}`)}</li>`).join('');
  const states = Object.entries(SHELTER_STATE_COLOURS).map(([state, colour]) =>
    `<li data-testid="legend-state-${state}"><span class="swatch" style="background:${colour}"></span>${t(lang, `hq.state.${state}`)}</li>`).join('');
  const cells = residentsLayer === 'check_status'
    ? Object.keys(CHECK_GROUPS).map((g) => `<li><span class="swatch swatch--square" style="background:${CHECK_COLOURS[g]}"></span>${t(lang, `hq.group.${g}`)}</li>`).join('')
    : BANDS.map((b) => `<li><span class="swatch swatch--square" style="background:${BAND_STYLES[b].colour}"></span>${t(lang, `hq.band.${b}`)}</li>`).join('');
  const depths = [1, 2, 3, 4, 5, 6].map((r) => `<li><span class="swatch swatch--square" style="background:${DEPTH_COLOURS[r]}"></span>${t(lang, `depth.${r}`)}</li>`).join('');
  const slides = [1, 2].map((r) => `<li><span class="swatch swatch--square" style="background:${LANDSLIDE_COLOURS[r]}"></span>${t(lang, `landslide.${r}`)}</li>`).join('');
  return `<h2>${t(lang, 'hq.legend')}</h2>` +
    `<h3>${t(lang, 'hq.legend.shelters')}</h3><ul class="legend-list">${kinds}</ul><ul class="legend-list">${states}</ul>` +
    `<h3 data-testid="legend-residents" data-layer="${residentsLayer}">${t(lang, `hq.layer.${residentsLayer}`)}</h3><ul class="legend-list">${cells}</ul>` +
    `<h3>${t(lang, 'hq.legend.hazards')}</h3><ul class="legend-list legend-list--compact">${depths}${slides}</ul>`;
}
