// The HTML inside a shelter's or a hazard zone's popup, from the GeoJSON properties the API sends.
// Pure functions of (language, properties): no Leaflet, so they run under `node --test`.

import { escapeHtml } from './html.js';
import { formatNumber, translate } from './i18n.js';
import { rankLabelKey } from './hazardStyle.js';
import { shelterSvg } from './shelterSymbols.js';

/** The hazards a site can be designated for, in the order of the GSI's lists. */
export const DESIGNATION_ORDER = [
  'flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'fire', 'inland_flood', 'volcano',
];

function sortedHazards(codes) {
  const known = DESIGNATION_ORDER.filter((h) => codes.includes(h));
  const unknown = codes.filter((h) => !DESIGNATION_ORDER.includes(h)).sort();
  return known.concat(unknown);
}

function row(label, valueHtml, testId) {
  return (
    `<div class="popup-row" data-testid="${testId}"><dt>${escapeHtml(label)}</dt>` +
    `<dd>${valueHtml}</dd></div>`
  );
}

/** The labels of the designated hazards, in order, in the language. */
export function hazardLabels(lang, codes) {
  return sortedHazards(codes || []).map((h) => translate(lang, `hazard.${h}`));
}

/** Who a welfare shelter takes: the published wording in Japanese, the codes' labels in English. */
export function targetGroupsText(lang, properties) {
  const codes = properties.target_groups || [];
  const text = properties.target_groups_text;
  const labels = codes.map((g) => translate(lang, `group.${g}`));
  if (lang === 'ja' && text) {
    return text;
  }
  if (labels.length > 0) {
    return labels.join(lang === 'ja' ? '、' : ', ');
  }
  return text || '';
}

export function capacityText(lang, properties) {
  const persons = properties.capacity_persons;
  const children = properties.capacity_children;
  if (persons === null || persons === undefined) {
    return translate(lang, 'popup.unknown');
  }
  let text = translate(lang, 'unit.persons', { n: formatNumber(lang, persons) });
  if (children !== null && children !== undefined) {
    const part = translate(lang, 'popup.capacity.children', { n: formatNumber(lang, children) });
    text += lang === 'ja' ? `（${part}）` : ` (${part})`;
  }
  return text;
}

export function shelterPopupHtml(lang, properties) {
  const kind = properties.kind;
  const kindLabel = translate(lang, `kind.${kind}`);
  const hazards = hazardLabels(lang, properties.hazards);
  const hazardsHtml = hazards.length
    ? `<ul class="hazard-chips">${hazards.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>`
    : escapeHtml(translate(lang, 'popup.hazards.none'));
  const rows = [row(translate(lang, 'popup.kind'), escapeHtml(kindLabel), 'popup-kind')];
  if (properties.address) {
    rows.push(row(translate(lang, 'popup.address'), escapeHtml(properties.address), 'popup-address'));
  }
  rows.push(row(translate(lang, 'popup.hazards'), hazardsHtml, 'popup-hazards'));
  const groups = targetGroupsText(lang, properties);
  if (groups) {
    rows.push(row(translate(lang, 'popup.target_groups'), escapeHtml(groups), 'popup-target-groups'));
  }
  const disabilities = (properties.disability_types || []).map((d) => translate(lang, `disability.${d}`));
  if (disabilities.length) {
    const joined = disabilities.join(lang === 'ja' ? '、' : ', ');
    rows.push(row(translate(lang, 'popup.disability_types'), escapeHtml(joined), 'popup-disability-types'));
  }
  rows.push(row(translate(lang, 'popup.capacity'), escapeHtml(capacityText(lang, properties)), 'popup-capacity'));
  if (properties.source) {
    rows.push(row(translate(lang, 'popup.source'), escapeHtml(properties.source), 'popup-source'));
  }
  return (
    `<div class="popup popup--shelter" data-testid="shelter-popup" data-kind="${escapeHtml(kind)}">` +
    `<h2 class="popup-title">${shelterSvg(kind, lang, kindLabel, 26)}` +
    `<span data-testid="popup-name">${escapeHtml(properties.name || '')}</span></h2>` +
    `<dl>${rows.join('')}</dl></div>`
  );
}

export function zonePopupHtml(lang, properties) {
  const type = properties.hazard_type;
  const rows = [];
  if (properties.name) {
    rows.push(row(translate(lang, 'popup.name'), escapeHtml(properties.name), 'popup-zone-name'));
  }
  rows.push(
    row(translate(lang, 'popup.rank'), escapeHtml(translate(lang, rankLabelKey(type, properties.rank), { rank: properties.rank })), 'popup-rank'),
  );
  if (properties.phenomenon) {
    rows.push(row(translate(lang, 'popup.phenomenon'), escapeHtml(translate(lang, `phenomenon.${properties.phenomenon}`)), 'popup-phenomenon'));
  }
  if (properties.source) {
    rows.push(row(translate(lang, 'popup.source'), escapeHtml(properties.source), 'popup-source'));
  }
  const title = translate(lang, `zone.${type}`);
  return (
    `<div class="popup popup--zone" data-testid="zone-popup" data-hazard-type="${escapeHtml(type)}">` +
    `<h2 class="popup-title"><span data-testid="popup-name">${escapeHtml(title)}</span></h2>` +
    `<dl>${rows.join('')}</dl></div>`
  );
}
