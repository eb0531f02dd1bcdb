// The resident panel's HTML from api/residents/{id}: the score with each reason and its points,
// hazards at home, the register entry, the plan with its supporters, consent, and the plan's
// failed checks with their reasons in the page's language; for an account that may edit, an edit
// button per section, the form of the section being edited (editForms.js) and the change history
// (historyView.js). Pure (no DOM), so it runs under `node --test`; every value from the API goes
// through escapeHtml.

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { bandStyle } from './bandStyle.js';
import { formHtml } from './editForms.js';
import { historySection } from './historyView.js';
import {
  ageText, codeLabel, codeList, formatDate, homeHazardLines, pointsText, pointsTotal, reasonWords,
} from './format.js';

function field(label, valueHtml, testId = null) {
  const id = testId ? ` data-testid="${testId}"` : '';
  return `<div class="field"${id}><dt>${escapeHtml(label)}</dt><dd>${valueHtml}</dd></div>`;
}

function text(value) {
  return value === null || value === undefined || value === '' ? '—' : escapeHtml(value);
}

function joined(lang, values) {
  return values.length ? values.map(escapeHtml).join(escapeHtml(translate(lang, 'list.separator'))) : text(null);
}

/** A band chip: colour and letter together. */
export function bandChip(lang, band) {
  const s = bandStyle(band);
  return (
    `<span class="band band--${escapeHtml(band)}" style="background:${s.colour};color:${s.text}"` +
    ` title="${escapeHtml(translate(lang, 'band.label', { band }))}">${escapeHtml(band)}</span>`
  );
}

function scoreSection(lang, priority) {
  const t = (key, params) => escapeHtml(translate(lang, key, params));
  if (!priority) {
    return `<section class="resident-section" data-testid="resident-reasons"><h3>${t('resident.reasons')}</h3>` +
      `<p class="muted">${t('resident.not_scored')}</p></section>`;
  }
  const reasons = priority.reasons || [];
  const rows = reasons.map((r) =>
    `<tr data-testid="resident-reason" data-factor="${escapeHtml(r.factor)}" data-points="${Number(r.points)}">` +
    `<td>${escapeHtml(reasonWords(lang, r))}</td><td class="num">${escapeHtml(pointsText(lang, r.points))}</td></tr>`,
  ).join('');
  const total = pointsTotal(reasons);
  const hazards = homeHazardLines(lang, priority.home_hazards);
  return (
    `<section class="resident-section" data-testid="resident-reasons"><h3>${t('resident.reasons')}</h3>` +
    `<table class="reasons-table"><thead><tr><th scope="col">${t('resident.reason')}</th>` +
    `<th scope="col" class="num">${t('resident.points')}</th></tr></thead><tbody>${rows}</tbody>` +
    `<tfoot><tr><th scope="row">${t('resident.total')}</th><td class="num" data-testid="resident-points-total"` +
    ` data-value="${total}">${escapeHtml(pointsText(lang, total))}</td></tr></tfoot></table></section>` +
    `<section class="resident-section" data-testid="resident-home-hazards"><h3>${t('resident.home_hazards')}</h3>` +
    (hazards.length
      ? `<ul class="plain">${hazards.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>`
      : `<p class="muted">${t('resident.home_hazards.none')}</p>`) +
    `</section>`
  );
}

function checksSection(lang, checks) {
  const t = (key) => escapeHtml(translate(lang, key));
  const items = (checks || []).map((c) =>
    `<li data-testid="resident-check" data-check="${escapeHtml(c.check)}">` +
    `<span class="chip chip--check">${escapeHtml(translate(lang, `check.${c.check}`))}</span> ` +
    `<span class="check-reason">${escapeHtml(lang === 'en' ? c.reason_en : c.reason_ja)}</span></li>`,
  ).join('');
  return (
    `<section class="resident-section resident-checks" data-testid="resident-checks"><h3>${t('resident.checks')}</h3>` +
    (items ? `<ul class="checks">${items}</ul>` : `<p class="muted">${t('resident.checks.none')}</p>`) +
    `</section>`
  );
}

function certificates(lang, c) {
  const out = [];
  if (c.physical_disability_grade) {
    out.push(translate(lang, 'grade.physical', { n: c.physical_disability_grade }));
  }
  if (c.intellectual_disability_grade) {
    out.push(translate(lang, 'grade.intellectual', { g: c.intellectual_disability_grade }));
  }
  if (c.mental_disability_grade) {
    out.push(translate(lang, 'grade.mental', { n: c.mental_disability_grade }));
  }
  return out;
}

function devices(lang, c) {
  return (c.medical_devices || []).map((d) => {
    const label = codeLabel(lang, 'device', d);
    return d === 'ventilator' && c.ventilator_24h ? translate(lang, 'device.24h', { device: label }) : label;
  });
}

function household(lang, home) {
  const parts = [codeLabel(lang, 'composition', home.composition)];
  if (home.member_count) {
    parts.push(translate(lang, 'household.members', { n: home.member_count }));
  }
  if (home.family_frail) {
    parts.push(translate(lang, 'household.family_frail'));
  }
  if (home.alone_daytime) {
    parts.push(translate(lang, 'household.alone_daytime'));
  }
  return parts;
}

/** A section's heading, with its edit button when the account may edit. */
function heading(lang, title, section, ui, label = 'edit.button') {
  const button = ui && ui.canEdit && !ui.editing
    ? ` <button type="button" class="small-button edit-button" data-edit="${section}" data-testid="edit-${section}">` +
      `${escapeHtml(translate(lang, label))}</button>`
    : '';
  return `<h3>${escapeHtml(title)}${button}</h3>`;
}

function registerSection(lang, r, ui) {
  const t = (key) => translate(lang, key);
  const home = r.home || {};
  const c = r.condition || {};
  const kana = [r.family_name_kana, r.given_name_kana].filter(Boolean).join(' ');
  const needs = [c.needs_info_support ? t('need.info') : null, c.needs_decision_support ? t('need.decision') : null]
    .filter(Boolean);
  return (
    `<section class="resident-section" data-testid="resident-register">${heading(lang, t('resident.register'), 'register', ui)}<dl>` +
    field(t('field.register_no'), text(r.register_no)) +
    field(t('field.kana'), text(kana)) +
    field(t('field.birth_date'), escapeHtml(formatDate(lang, r.birth_date, { withEra: true }))) +
    field(t('field.age'), escapeHtml(ageText(lang, r.age))) +
    field(t('field.sex'), escapeHtml(codeLabel(lang, 'sex', r.sex))) +
    field(t('field.phone'), text(r.phone)) +
    field(t('field.address'), text(home.address)) +
    field(t('field.district'), text(home.district)) +
    field(t('field.household'), joined(lang, household(lang, home)) + (ui && ui.canEdit && !ui.editing
      ? ` <button type="button" class="small-button edit-button" data-edit="household" data-testid="edit-household">` +
        `${escapeHtml(t('edit.button'))}</button>` : '')) +
    field(t('field.register_status'), escapeHtml(codeLabel(lang, 'register.status', r.register_status)), 'resident-register-status') +
    `</dl><h4>${escapeHtml(t('resident.condition'))}</h4><dl>` +
    field(t('field.care_level'), escapeHtml(codeLabel(lang, 'care', c.care_level))) +
    field(t('field.disabilities'), escapeHtml(codeList(lang, 'disability', c.disability_types))) +
    field(t('field.certificates'), certificates(lang, c).length ? joined(lang, certificates(lang, c)) : escapeHtml(t('value.none'))) +
    field(t('field.severe_motor_intellectual'), escapeHtml(t(c.severe_motor_intellectual ? 'value.yes' : 'value.none'))) +
    field(t('field.devices'), devices(lang, c).length ? joined(lang, devices(lang, c)) : escapeHtml(t('value.none'))) +
    field(t('field.support_needs'), needs.length ? joined(lang, needs) : escapeHtml(t('value.none'))) +
    field(t('field.school'), escapeHtml(codeLabel(lang, 'school', c.school_status))) +
    `</dl></section>`
  );
}

function destination(lang, plan) {
  if (plan.destination) {
    const kind = codeLabel(lang, 'kind', plan.destination.kind);
    return `${escapeHtml(plan.destination.name)} <span class="muted">(${escapeHtml(kind)})</span>`;
  }
  return plan.destination_kind ? escapeHtml(codeLabel(lang, 'destination', plan.destination_kind)) : '—';
}

function supporters(lang, list) {
  if (!list || list.length === 0) {
    return `<span class="warn">${escapeHtml(translate(lang, 'supporters.none'))}</span>`;
  }
  return `<ol class="supporters">${list.map((s) =>
    `<li data-testid="resident-supporter"><strong>${escapeHtml(s.name)}</strong>` +
    ` <span class="muted">${escapeHtml(codeLabel(lang, 'relation', s.relation))}・${escapeHtml(codeLabel(lang, 'supporter.kind', s.kind))}</span>` +
    (s.phone ? ` <span class="phone">${escapeHtml(s.phone)}</span>` : '') + `</li>`).join('')}</ol>`;
}

function planSection(lang, plan, ui) {
  const t = (key) => translate(lang, key);
  if (!plan) {
    return `<section class="resident-section" data-testid="resident-plan">${heading(lang, t('resident.plan'), 'plan', ui, 'edit.plan.create')}` +
      `<p class="muted">${escapeHtml(t('resident.plan.none'))}</p></section>`;
  }
  const manager = [plan.care_manager_name, plan.care_manager_phone].filter(Boolean).join(' ');
  return (
    `<section class="resident-section" data-testid="resident-plan">${heading(lang, t('resident.plan'), 'plan', ui)}<dl>` +
    field(t('field.plan_status'), escapeHtml(codeLabel(lang, 'plan.status', plan.status)), 'resident-plan-status') +
    field(t('field.destination'), destination(lang, plan)) +
    (plan.destination_note ? field(t('field.destination_note'), text(plan.destination_note)) : '') +
    (plan.route_notes ? field(t('field.route'), text(plan.route_notes)) : '') +
    field(t('field.supporters'), supporters(lang, plan.supporters)) +
    field(t('field.items'), (plan.items_to_carry || []).length ? joined(lang, plan.items_to_carry) : escapeHtml(t('value.none'))) +
    field(t('field.plan_home_hazards'), escapeHtml(codeList(lang, 'hazard', plan.home_hazards))) +
    field(t('field.care_manager'), text(manager)) +
    field(t('field.last_reviewed'), escapeHtml(formatDate(lang, plan.last_reviewed_on)), 'resident-plan-reviewed') +
    `</dl></section>`
  );
}

function consentSection(lang, consent, ui) {
  const t = (key) => translate(lang, key);
  const body = consent
    ? `<dl>${field(t('field.consent_state'), escapeHtml(codeLabel(lang, 'consent.state', consent.state)), 'resident-consent-state')}` +
      field(t('field.consent_basis'), escapeHtml(codeLabel(lang, 'consent.basis', consent.basis))) +
      field(t('field.decided_on'), escapeHtml(formatDate(lang, consent.decided_on))) +
      (consent.note ? field(t('edit.field.note'), escapeHtml(consent.note)) : '') + `</dl>`
    : `<p class="muted">${escapeHtml(t('resident.consent.none'))}</p>`;
  return `<section class="resident-section" data-testid="resident-consent">${heading(lang, t('resident.consent'), 'consent', ui)}${body}</section>`;
}

/** A section being edited shows its form in place of its values. */
function editable(lang, section, detail, ui, view) {
  if (ui && ui.editing === section && ui.form) {
    return `<section class="resident-section editing" data-testid="resident-${section === 'household' ? 'register' : section}">` +
      `${formHtml(lang, section, detail, ui.form)}</section>`;
  }
  return view();
}

/**
 * The whole panel for one answer of api/residents/{id}. `ui` (optional) is the editor's state:
 * {canEdit, editing: section or null, form, notice, history}.
 */
export function residentHtml(lang, detail, ui = null) {
  const r = detail.resident || {};
  const p = detail.priority;
  const name = [r.family_name, r.given_name].filter(Boolean).join(' ');
  const close = escapeHtml(translate(lang, 'resident.close'));
  const score = p
    ? `<p class="resident-score">${bandChip(lang, p.band)} <span data-testid="resident-score" data-value="${Number(p.score)}">` +
      `${escapeHtml(pointsText(lang, p.score))}</span></p>`
    : '';
  return (
    `<header class="resident-header"><div><h2 data-testid="resident-name" data-id="${escapeHtml(r.id)}">${escapeHtml(name)}</h2>` +
    `<p class="muted">${escapeHtml(ageText(lang, r.age))}・${escapeHtml(codeLabel(lang, 'sex', r.sex))}` +
    `${r.home && r.home.district ? `・${escapeHtml(r.home.district)}` : ''}</p>${score}</div>` +
    `<button type="button" class="close-button" data-testid="resident-close" data-close aria-label="${close}">${close}</button></header>` +
    (ui && ui.notice ? `<p class="edit-notice" role="status" data-testid="edit-notice">${escapeHtml(translate(lang, ui.notice))}</p>` : '') +
    scoreSection(lang, p) +
    checksSection(lang, detail.plan_checks) +
    editable(lang, 'plan', detail, ui, () => planSection(lang, r.plan, ui)) +
    editable(lang, 'consent', detail, ui, () => consentSection(lang, r.consent, ui)) +
    editable(lang, 'register', detail, ui, () => editable(lang, 'household', detail, ui, () => registerSection(lang, r, ui))) +
    (ui && ui.canEdit !== undefined ? historySection(lang, ui.history) : '')
  );
}

/** What the panel shows before anyone is chosen. */
export function placeholderHtml(lang) {
  return `<p class="placeholder" data-testid="resident-placeholder">${escapeHtml(translate(lang, 'resident.placeholder'))}</p>`;
}
