// The phone page's pieces as HTML strings (pure functions of the route, the reports and the
// language): a stop's card with its report buttons, the notice of a changed route, the log of
// reports. Text from the server goes in only through escapeHtml.

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { ESCALATING } from './outbox.js';

/** A `geo:` link to the home (opens the phone's map app for directions); no name leaves the page. */
export function geoUri(stop) {
  const lat = Number(stop.lat).toFixed(6);
  const lon = Number(stop.lon).toFixed(6);
  return `geo:${lat},${lon}?q=${lat},${lon}`;
}

/** A `tel:` link with digits (and a leading +) only, or null when there is no number. */
export function telUri(phone) {
  const digits = String(phone || '').replace(/[^0-9+]/g, '');
  return digits.length >= 3 ? `tel:${digits}` : null;
}

/** HH:MM in the phone's time zone, or '' for no time. */
export function clockTime(iso, lang) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'ja-JP', { hour: '2-digit', minute: '2-digit' });
}

/** The shelters offered for "evacuated": the plan's destination first, then the route's nearby ones. */
export function shelterOptions(stop, shelters) {
  const out = [];
  const d = stop.destination;
  if (d && d.shelter_id) {
    out.push({ id: d.shelter_id, name: d.shelter_name });
  }
  for (const s of shelters || []) {
    if (!out.some((o) => o.id === s.id)) {
      out.push({ id: s.id, name: s.name, kind: s.kind });
    }
  }
  return out;
}

function needsHtml(stop, t) {
  const needs = stop.needs || [];
  const chips = needs.length
    ? `<ul class="needs" data-testid="stop-needs">${needs
      .map((n) => `<li class="need need--${escapeHtml(n)}" data-need="${escapeHtml(n)}">${escapeHtml(t(`need.${n}`))}</li>`)
      .join('')}</ul>`
    : `<p class="muted" data-testid="stop-needs">${escapeHtml(t('sup.stop.needs.none'))}</p>`;
  const facts = [];
  if (stop.care_level && stop.care_level !== 'none') {
    facts.push(t(`care.${stop.care_level}`));
  }
  if (stop.medical_devices && stop.medical_devices.length) {
    const devices = stop.medical_devices.map((d) => {
      const name = t(`device.${d}`);
      return d === 'ventilator' && stop.ventilator_24h ? t('device.24h', { device: name }) : name;
    });
    facts.push(t('sup.stop.devices', { devices: devices.join('、') }));
  }
  if (stop.household_members > 1) {
    facts.push(t('sup.stop.household', { n: stop.household_members }));
  }
  const factLine = facts.length ? `<p class="facts">${escapeHtml(facts.join(' ・ '))}</p>` : '';
  return `<h4>${escapeHtml(t('sup.stop.needs'))}</h4>${chips}${factLine}`;
}

function destinationText(stop, t) {
  const d = stop.destination;
  if (!d) {
    return null;
  }
  if (d.kind === 'shelter' && d.shelter_name) {
    return d.shelter_name;
  }
  const label = t(`destination.${d.kind}`);
  return d.note ? `${label}（${d.note}）` : label;
}

/**
 * One stop's card. `view`: `{lang, open, added, shelters, choice (shelter id or ''), note,
 * conflict (log record or null), waiting (reports of this stop not yet sent)}`.
 */
export function stopCardHtml(stop, view) {
  const t = (key, params) => translate(view.lang, key, params);
  const status = t(`status.${stop.status}`);
  const planned = stop.planned_arrival ? `<span class="planned">${escapeHtml(t('sup.stop.planned', { time: clockTime(stop.planned_arrival, view.lang) }))}</span>` : '';
  const kana = stop.name_kana ? `<span class="kana">${escapeHtml(stop.name_kana)}</span>` : '';
  const tel = telUri(stop.phone);
  const links = [
    `<a class="link-button" data-testid="stop-navigate" href="${escapeHtml(geoUri(stop))}">${escapeHtml(t('sup.stop.navigate'))}</a>`,
    tel ? `<a class="link-button" data-testid="stop-call" href="${escapeHtml(tel)}">${escapeHtml(t('sup.stop.call', { phone: stop.phone }))}</a>` : '',
  ].join('');
  const destination = destinationText(stop, t);
  const items = stop.items_to_carry && stop.items_to_carry.length
    ? `<p>${escapeHtml(t('sup.stop.items', { items: stop.items_to_carry.join('、') }))}</p>` : '';
  const conflict = view.conflict
    ? `<p class="conflict" role="alert" data-testid="stop-conflict">${escapeHtml(t('sup.conflict', {
      status: t(`status.${view.conflict.status}`), current: status }))}</p>` : '';
  const waiting = view.waiting && view.waiting.length
    ? `<p class="waiting" data-testid="stop-waiting" data-value="${view.waiting.length}">${escapeHtml(view.waiting
      .map((e) => (e.kind === 'photo' ? t('sup.log.photo') : t(`status.${e.status}`))).join(' → '))} ・ ${escapeHtml(t('sup.log.queued'))}</p>` : '';
  const header = `<button type="button" class="stop-head" data-open="${stop.check_id}" aria-expanded="${view.open}">`
    + `<span class="seq" aria-hidden="true">${stop.seq}</span>`
    + `<span class="stop-who"><span class="name" data-testid="stop-name">${escapeHtml(stop.name)}</span>${kana}</span>`
    + `<span class="status-badge status-badge--${escapeHtml(stop.status)}" data-testid="stop-status" data-status="${escapeHtml(stop.status)}">${escapeHtml(status)}</span>`
    + `</button>`;
  const body = `<div class="stop-body">`
    + `<p class="address">${escapeHtml(stop.address)} ${planned}</p>`
    + `${view.added ? `<p class="badge-new" data-testid="stop-new">${escapeHtml(t('sup.stop.new'))}</p>` : ''}`
    + `<div class="links">${links}</div>`
    + needsHtml(stop, t)
    + (destination ? `<p>${escapeHtml(t('sup.stop.destination', { place: destination }))}</p>` : '')
    + items + conflict + waiting
    + (view.open ? reportHtml(stop, view, t) : '')
    + `</div>`;
  return `<li class="stop${view.open ? ' stop--open' : ''}" data-testid="stop" data-check-id="${stop.check_id}" data-seq="${stop.seq}">${header}${body}</li>`;
}

function reportHtml(stop, view, t) {
  const options = shelterOptions(stop, view.shelters);
  const choice = view.choice === undefined || view.choice === null ? (options[0] ? String(options[0].id) : '') : String(view.choice);
  const select = `<label class="field"><span>${escapeHtml(t('sup.report.shelter'))}</span>`
    + `<select data-shelter-for="${stop.check_id}" data-testid="report-shelter">`
    + options.map((o) => `<option value="${o.id}"${String(o.id) === choice ? ' selected' : ''}>${escapeHtml(o.name)}</option>`).join('')
    + `<option value=""${choice === '' ? ' selected' : ''}>${escapeHtml(t('sup.report.shelter.elsewhere'))}</option></select></label>`;
  const button = (s, wide = false) => `<button type="button" class="status-button status-button--${s}${ESCALATING.includes(s) ? ' status-button--escalate' : ''}${wide ? ' wide' : ''}" `
    + `data-report="${s}" data-check="${stop.check_id}" data-testid="report-${s}">${escapeHtml(t(`status.${s}`))}</button>`;
  return `<section class="report" aria-label="${escapeHtml(t('sup.report.heading'))}">`
    + `<h4>${escapeHtml(t('sup.report.heading'))}</h4>`
    + `<div class="status-grid">${button('on_the_way')}${button('safe_at_home')}</div>`
    + `<div class="evacuated-row">${button('evacuated')}${select}</div>`
    + `<div class="status-grid">${button('not_at_home', true)}${button('needs_help')}${button('could_not_reach')}</div>`
    + `<label class="field"><span>${escapeHtml(t('sup.report.note'))}</span>`
    + `<textarea data-note-for="${stop.check_id}" data-testid="report-note" maxlength="2000" rows="2" placeholder="${escapeHtml(t('sup.report.note.placeholder'))}">${escapeHtml(view.note || '')}</textarea></label>`
    + `<label class="field photo-field"><span>${escapeHtml(t('sup.report.photo'))}</span>`
    + `<input type="file" accept="image/*" capture="environment" data-photo-for="${stop.check_id}" data-testid="report-photo"></label>`
    + `</section>`;
}

/** The notice of a changed route, or '' when there is none. */
export function changeHtml(change, lang) {
  if (!change) {
    return '';
  }
  const t = (key, params) => translate(lang, key, params);
  const names = (stops) => stops.map((s) => s.name).join('、');
  const lines = [];
  if (change.added.length) {
    lines.push(`<li data-testid="change-added" data-value="${change.added.length}">${escapeHtml(t('sup.change.added', { names: names(change.added) }))}</li>`);
  }
  if (change.removed.length) {
    lines.push(`<li data-testid="change-removed" data-value="${change.removed.length}">${escapeHtml(t('sup.change.removed', { names: names(change.removed) }))}</li>`);
  }
  if (change.reordered) {
    lines.push(`<li data-testid="change-reordered">${escapeHtml(t('sup.change.reordered'))}</li>`);
  }
  return `<div class="route-change" role="alert" data-testid="route-change" data-revision="${change.revision}">`
    + `<h3>${escapeHtml(t('sup.change.heading', { revision: change.revision }))}</h3><ul>${lines.join('')}</ul>`
    + `<button type="button" class="secondary-button" data-dismiss-change>${escapeHtml(t('sup.change.dismiss'))}</button></div>`;
}

/** The log of reports, newest first, each with what became of it. */
export function logHtml(records, route, lang) {
  const t = (key, params) => translate(lang, key, params);
  if (!records.length) {
    return `<p class="muted">${escapeHtml(t('sup.log.empty'))}</p>`;
  }
  const nameOf = (checkId) => {
    const stop = route && route.stops.find((s) => s.check_id === checkId);
    return stop ? stop.name : t('sup.check', { id: checkId });
  };
  return `<ol class="log">${records.map((r) => {
    const what = r.kind === 'photo' ? t('sup.log.photo') : t(`status.${r.status}`);
    const outcome = r.outcome === 'rejected' ? t('sup.log.rejected', { detail: r.detail || '' }) : t(`sup.log.${r.outcome}`);
    return `<li class="log-entry log-entry--${escapeHtml(r.outcome)}" data-testid="log-entry" data-outcome="${escapeHtml(r.outcome)}" `
      + `data-check-id="${r.checkId}" data-status="${escapeHtml(r.status || r.kind)}">`
      + `<span class="time">${escapeHtml(clockTime(r.clientTime, lang))}</span> <span>${escapeHtml(nameOf(r.checkId))}: ${escapeHtml(what)}</span>`
      + `<span class="outcome">${escapeHtml(outcome)}</span></li>`;
  }).join('')}</ol>`;
}
