// The side panel: language switch, the link to the planner's page, layer toggles (which double as the symbol legend), the depth and
// landslide legend, the town's counts and what is drawn now. Rendered whole from the state on
// every language change; the drawn counts update in place. Every value a test reads has a
// data-testid and its raw number in data-value.

import { escapeHtml } from './html.js';
import { formatNumber, translate } from './i18n.js';
import { DEPTH_RANKS, ZONE_TYPES, zoneStyle } from './hazardStyle.js';
import { SHELTER_KINDS, shelterSvg } from './shelterSymbols.js';

const DEFAULT_ZONE_TYPES = ['flood', 'tsunami', 'landslide'];
const SAMPLE_RANK = { flood: 2, tsunami: 3, storm_surge: 2, inland_flood: 1, landslide: 2 };

/**
 * The zone types the panel offers: flood, tsunami and landslide always, other types when the town
 * has zones of them; in drawing order, types this page does not know last.
 */
export function zoneTypesToOffer(town) {
  const counted = town && town.counts && town.counts.hazard_zones ? Object.keys(town.counts.hazard_zones) : [];
  const offered = new Set([...DEFAULT_ZONE_TYPES, ...counted]);
  const known = ZONE_TYPES.filter((t) => offered.has(t));
  return known.concat([...offered].filter((t) => !ZONE_TYPES.includes(t)).sort());
}

/** A count from the town's answer: absent from a loaded answer means none; no answer means unknown. */
function countOf(group, key) {
  if (!group) {
    return null;
  }
  const n = group[key];
  return n === null || n === undefined ? 0 : Number(n);
}

function swatch(properties, label) {
  const s = zoneStyle(properties);
  const dash = s.dashArray ? ` stroke-dasharray="${s.dashArray}"` : '';
  return (
    `<svg class="swatch" width="34" height="24" viewBox="0 0 34 24" role="img" aria-label="${escapeHtml(label)}">` +
    `<rect x="2" y="2" width="30" height="20" fill="${s.fillColor}" fill-opacity="${s.fillOpacity}"` +
    ` stroke="${s.color}" stroke-width="${Math.max(2, s.weight)}"${dash}/></svg>`
  );
}

function countText(lang, n, unit = 'unit.count') {
  return n === null || n === undefined ? '—' : translate(lang, unit, { n: formatNumber(lang, n) });
}

function countCell(lang, testId, n, unit) {
  const value = n === null || n === undefined ? '' : String(n);
  return `<span class="count" data-testid="${testId}" id="${testId}" data-value="${value}">${escapeHtml(countText(lang, n, unit))}</span>`;
}

export class Panel {
  constructor(root, { onToggleShelter, onToggleZone, onSwitchLanguage }) {
    this.root = root;
    this.onToggleShelter = onToggleShelter;
    this.onToggleZone = onToggleZone;
    this.onSwitchLanguage = onSwitchLanguage;
    this.root.addEventListener('change', (e) => this.changed(e));
    this.root.addEventListener('click', (e) => {
      if (e.target.closest('#lang-toggle')) {
        this.onSwitchLanguage();
      }
    });
  }

  changed(event) {
    const input = event.target;
    if (input.dataset.shelterKind) {
      this.onToggleShelter(input.dataset.shelterKind, input.checked);
    } else if (input.dataset.zoneType) {
      this.onToggleZone(input.dataset.zoneType, input.checked);
    }
  }

  /** state: { lang, town, shownKinds: Set, shownZones: Set, drawn: {shelters, zones, shelterState, zoneState} } */
  render(state) {
    const { lang, town } = state;
    const t = (key, params) => escapeHtml(translate(lang, key, params));
    const counts = town && town.counts;
    const shelterCounts = counts ? counts.shelters || {} : null;
    const zoneCounts = counts ? counts.hazard_zones || {} : null;
    const zoneTypes = zoneTypesToOffer(town);
    const hadFocus = document.activeElement && document.activeElement.id === 'lang-toggle';

    const shelterToggles = SHELTER_KINDS.map((kind) => {
      const label = translate(lang, `kind.${kind}`);
      return (
        `<li><label class="toggle"><input type="checkbox" id="toggle-shelter-${kind}" data-testid="toggle-shelter-${kind}"` +
        ` data-shelter-kind="${kind}"${state.shownKinds.has(kind) ? ' checked' : ''}>` +
        `${shelterSvg(kind, lang, label, 30)}<span>${escapeHtml(label)}</span></label></li>`
      );
    }).join('');
    const zoneToggles = zoneTypes.map((type) => {
      const label = translate(lang, `zone.${type}`);
      return (
        `<li><label class="toggle"><input type="checkbox" id="toggle-zone-${type}" data-testid="toggle-zone-${type}"` +
        ` data-zone-type="${type}"${state.shownZones.has(type) ? ' checked' : ''}>` +
        `${swatch({ hazard_type: type, rank: SAMPLE_RANK[type] || 1 }, label)}<span>${escapeHtml(label)}</span></label></li>`
      );
    }).join('');
    const depthLegend = DEPTH_RANKS.map((rank) => {
      const label = translate(lang, `depth.${rank}`);
      return `<li>${swatch({ hazard_type: 'flood', rank }, label)}<span>${escapeHtml(label)}</span></li>`;
    }).join('');
    const landslideLegend = [1, 2].map((rank) => {
      const label = translate(lang, `landslide.${rank}`);
      return `<li>${swatch({ hazard_type: 'landslide', rank }, label)}<span>${escapeHtml(label)}</span></li>`;
    }).join('');
    const shelterRows = SHELTER_KINDS.map(
      (kind) => `<tr><th scope="row">${t(`kind.${kind}`)}</th><td>${countCell(lang, `count-shelters-${kind}`, countOf(shelterCounts, kind))}</td></tr>`,
    ).join('');
    const zoneRows = zoneTypes.map(
      (type) => `<tr><th scope="row">${t(`zone.${type}`)}</th><td>${countCell(lang, `count-zones-${type}`, countOf(zoneCounts, type))}</td></tr>`,
    ).join('');

    this.root.innerHTML =
      `<header class="panel-header">` +
      `<h1 id="town-name" data-testid="town-name">${escapeHtml((town && town.name) || translate(lang, 'app.title'))}</h1>` +
      `<button type="button" id="lang-toggle" data-testid="lang-toggle" lang="${lang === 'ja' ? 'en' : 'ja'}"` +
      ` aria-label="${t('app.lang.switch.label')}">${t('app.lang.switch')}</button></header>` +
      `<p class="panel-links"><a href="${lang === 'ja' ? 'planner.html' : 'planner.html?lang=en'}" data-testid="link-planner">` +
      `${t('nav.planner')}</a></p>` +
      `<section aria-labelledby="h-counts" data-testid="counts-panel"><h2 id="h-counts">${t('panel.counts')}</h2>` +
      `<table class="counts"><tbody>` +
      `<tr class="group"><th colspan="2">${t('panel.counts.shelters')}</th></tr>${shelterRows}` +
      `<tr class="group"><th colspan="2">${t('panel.counts.hazards')}</th></tr>${zoneRows}` +
      `<tr class="group residents"><th scope="row">${t('panel.counts.residents')}</th>` +
      `<td>${countCell(lang, 'count-residents', counts ? countOf(counts, 'residents') : null, 'unit.persons')}</td></tr>` +
      `</tbody></table></section>` +
      `<section aria-labelledby="h-drawn"><h2 id="h-drawn">${t('panel.drawn')}</h2>` +
      `<p class="drawn"><span>${t('panel.drawn.shelters')}</span> <span class="count" id="drawn-shelters" data-testid="drawn-shelters"></span>` +
      ` <span>${t('panel.drawn.hazards')}</span> <span class="count" id="drawn-zones" data-testid="drawn-zones"></span></p></section>` +
      `<section aria-labelledby="h-layers"><h2 id="h-layers">${t('panel.layers')}</h2>` +
      `<ul class="toggles" data-testid="shelter-toggles">${shelterToggles}</ul>` +
      `<ul class="toggles" data-testid="zone-toggles">${zoneToggles}</ul></section>` +
      `<section aria-labelledby="h-legend" data-testid="legend"><h2 id="h-legend">${t('panel.legend.depth')}</h2>` +
      `<ul class="legend legend--depth">${depthLegend}</ul>` +
      `<h2>${t('panel.legend.landslide')}</h2><ul class="legend">${landslideLegend}</ul></section>`;
    this.updateDrawn(state);
    if (hadFocus) {
      document.getElementById('lang-toggle').focus();
    }
  }

  /** Updates the drawn counts; data-state is 'loading', 'ready' or 'error', data-bbox the view loaded. */
  updateDrawn({ lang, drawn }) {
    const put = (id, n, loadState, bbox) => {
      const el = document.getElementById(id);
      if (!el) {
        return;
      }
      el.dataset.value = String(n);
      el.dataset.state = loadState;
      el.dataset.bbox = bbox || '';
      el.textContent = loadState === 'loading' && n === 0 ? translate(lang, 'panel.loading') : countText(lang, n);
    };
    put('drawn-shelters', drawn.shelters, drawn.shelterState, drawn.shelterBbox);
    put('drawn-zones', drawn.zones, drawn.zoneState, drawn.zoneBbox);
  }
}
