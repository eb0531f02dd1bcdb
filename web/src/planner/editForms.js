// The resident panel's edit forms (the plan, consent, the register entry, the household): which
// fields each has, a draft of the values from api/residents/{id}, the form's HTML from a draft, a
// draft read back from the form, and the request body (only the fields changed). Pure (no DOM: the
// form is read through anything with get/getAll, as FormData), so it runs under `node --test`.

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { REGISTER_CODES } from './codes.js';
import { codeLabel } from './format.js';

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The designated hazards (server: HazardType), for the plan's home hazards. */
export const PLAN_HAZARDS = ['flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'fire', 'inland_flood', 'volcano'];

/** Each section's fields in form order: API name, input type and, for codes, the i18n prefix. */
export const SECTIONS = {
  plan: [
    { name: 'status', type: 'select', codes: ['none', 'draft', 'partial', 'complete', 'refused'], prefix: 'plan.status' },
    { name: 'destination_kind', type: 'select', codes: REGISTER_CODES.destination, prefix: 'destination', empty: true },
    { name: 'destination_shelter_id', type: 'shelter' },
    { name: 'destination_note', type: 'text', max: 500 },
    { name: 'route_notes', type: 'textarea', max: 2000 },
    { name: 'items_to_carry', type: 'lines' },
    { name: 'home_hazards', type: 'checks', codes: PLAN_HAZARDS, prefix: 'hazard' },
    { name: 'care_manager_name', type: 'text', max: 100 },
    { name: 'care_manager_phone', type: 'tel' },
    { name: 'last_reviewed_on', type: 'date' },
    { name: 'supporters', type: 'supporters' },
  ],
  consent: [
    { name: 'state', type: 'select', codes: REGISTER_CODES['consent.state'], prefix: 'consent.state' },
    { name: 'basis', type: 'select', codes: REGISTER_CODES['consent.basis'], prefix: 'consent.basis' },
    { name: 'decided_on', type: 'date' },
    { name: 'note', type: 'text', max: 500 },
  ],
  register: [
    { name: 'family_name', type: 'text', max: 50 },
    { name: 'given_name', type: 'text', max: 50 },
    { name: 'family_name_kana', type: 'text', max: 50 },
    { name: 'given_name_kana', type: 'text', max: 50 },
    { name: 'birth_date', type: 'date' },
    { name: 'sex', type: 'select', codes: REGISTER_CODES.sex, prefix: 'sex' },
    { name: 'phone', type: 'tel' },
    { name: 'care_level', type: 'select', codes: REGISTER_CODES.care, prefix: 'care' },
    { name: 'disability_types', type: 'checks', codes: REGISTER_CODES.disability, prefix: 'disability' },
    { name: 'physical_disability_grade', type: 'select', codes: range(1, 6), number: true, empty: true },
    { name: 'intellectual_disability_grade', type: 'select', codes: ['A', 'B'], empty: true },
    { name: 'mental_disability_grade', type: 'select', codes: range(1, 3), number: true, empty: true },
    { name: 'severe_motor_intellectual', type: 'flag' },
    { name: 'medical_devices', type: 'checks', codes: REGISTER_CODES.device, prefix: 'device' },
    { name: 'ventilator_24h', type: 'flag' },
    { name: 'needs_info_support', type: 'flag' },
    { name: 'needs_decision_support', type: 'flag' },
    { name: 'school_status', type: 'select', codes: REGISTER_CODES.school, prefix: 'school' },
    { name: 'register_status', type: 'select', codes: REGISTER_CODES['register.status'], prefix: 'register.status' },
  ],
  household: [
    { name: 'address', type: 'text', max: 200 },
    { name: 'composition', type: 'select', codes: REGISTER_CODES.composition, prefix: 'composition' },
    { name: 'member_count', type: 'number', min: 1, max: 30 },
    { name: 'family_frail', type: 'flag' },
    { name: 'alone_daytime', type: 'flag' },
  ],
};

/** The i18n prefix of a field's codes (for showing values), by API field name. */
export const VALUE_PREFIX = Object.fromEntries(
  Object.values(SECTIONS).flat().filter((f) => f.prefix).map((f) => [f.name, f.prefix])
    .concat([['kind', 'supporter.kind'], ['relation', 'relation']]),
);

/** Today as an ISO date in the browser's zone. */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The values a section's form starts from, and the version they were read at (a plan that does not
 * exist yet: null; consent: the number of decisions).
 */
export function draftOf(section, detail, today = todayIso()) {
  const r = (detail && detail.resident) || {};
  if (section === 'plan') {
    const p = r.plan || {};
    return {
      version: r.plan ? r.plan.version : null,
      values: {
        status: p.status || 'draft',
        destination_kind: p.destination_kind || null,
        destination_shelter_id: p.destination ? p.destination.id : null,
        destination_note: p.destination_note || null,
        route_notes: p.route_notes || null,
        items_to_carry: p.items_to_carry || [],
        home_hazards: p.home_hazards || [],
        care_manager_name: p.care_manager_name || null,
        care_manager_phone: p.care_manager_phone || null,
        last_reviewed_on: p.last_reviewed_on || null,
        supporters: (p.supporters || []).map((s) => ({ id: s.id, name: s.name, relation: s.relation, kind: s.kind })),
      },
    };
  }
  if (section === 'consent') {
    const c = r.consent || {};
    return {
      version: r.consent_version || 0,
      values: { state: c.state || 'given', basis: c.basis || 'written_form', decided_on: today, note: null },
    };
  }
  if (section === 'household') {
    const h = r.home || {};
    return {
      version: h.version,
      values: {
        address: h.address || null, composition: h.composition, member_count: h.member_count,
        family_frail: Boolean(h.family_frail), alone_daytime: Boolean(h.alone_daytime),
      },
    };
  }
  const c = r.condition || {};
  return {
    version: r.version,
    values: {
      family_name: r.family_name || null, given_name: r.given_name || null,
      family_name_kana: r.family_name_kana || null, given_name_kana: r.given_name_kana || null,
      birth_date: r.birth_date || null, sex: r.sex, phone: r.phone || null,
      care_level: c.care_level, disability_types: c.disability_types || [],
      physical_disability_grade: c.physical_disability_grade ?? null,
      intellectual_disability_grade: c.intellectual_disability_grade || null,
      mental_disability_grade: c.mental_disability_grade ?? null,
      severe_motor_intellectual: Boolean(c.severe_motor_intellectual), medical_devices: c.medical_devices || [],
      ventilator_24h: Boolean(c.ventilator_24h), needs_info_support: Boolean(c.needs_info_support),
      needs_decision_support: Boolean(c.needs_decision_support), school_status: c.school_status,
      register_status: r.register_status,
    },
  };
}

/** The values in a section's form (anything with get/getAll); the plan's supporters come from `previous`. */
export function valuesFromForm(section, form, previous = {}) {
  const out = {};
  for (const f of SECTIONS[section]) {
    const raw = form.get(f.name);
    const text = typeof raw === 'string' ? raw.trim() : '';
    switch (f.type) {
      case 'checks':
        out[f.name] = form.getAll(f.name).map(String);
        break;
      case 'flag':
        out[f.name] = raw !== null && raw !== undefined;
        break;
      case 'lines':
        out[f.name] = (typeof raw === 'string' ? raw : '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        break;
      case 'number':
        out[f.name] = text === '' ? null : Number(text);
        break;
      case 'shelter':
        out[f.name] = text === '' ? null : Number(text);
        break;
      case 'select':
        out[f.name] = text === '' ? null : f.number ? Number(text) : text;
        break;
      case 'supporters':
        out[f.name] = previous[f.name] || [];
        break;
      default:
        out[f.name] = text === '' ? null : text;
    }
  }
  return out;
}

function same(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The request body of a save: the version read and the fields that differ from the draft's start
 * (the plan's supporters as ids in calling order). A new plan always names its status.
 */
export function requestBody(section, start, values) {
  const body = { version: start.version };
  for (const f of SECTIONS[section]) {
    const now = f.type === 'supporters' ? (values[f.name] || []).map((s) => s.id) : values[f.name];
    const then = f.type === 'supporters' ? (start.values[f.name] || []).map((s) => s.id) : start.values[f.name];
    if (!same(now, then) || (section === 'consent') || (section === 'plan' && start.version === null && f.name === 'status')) {
      body[f.name] = now;
    }
  }
  return body;
}

/** The fields a body changes (all but the version). */
export function changedFields(body) {
  return Object.keys(body).filter((k) => k !== 'version');
}

/** Metres as "350 m" or "1.2 km". */
export function distanceText(lang, metres) {
  if (metres === null || metres === undefined) {
    return '—';
  }
  return metres < 1000
    ? translate(lang, 'edit.distance.m', { n: Math.round(metres) })
    : translate(lang, 'edit.distance.km', { n: (metres / 1000).toFixed(1) });
}

/** A value as a person reads it, for conflicts and the history. */
export function valueText(lang, field, value) {
  if (value === null || value === undefined || value === '') {
    return translate(lang, 'edit.value.empty');
  }
  if (typeof value === 'boolean') {
    return translate(lang, value ? 'edit.value.true' : 'edit.value.false');
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return translate(lang, 'value.none');
    }
    return value.map((v) => valueText(lang, field, v)).join(translate(lang, 'list.separator'));
  }
  if (typeof value === 'object') {
    if ('name' in value) {
      return String(value.name);
    }
    if ('lon' in value && 'lat' in value) {
      return `${Number(value.lat).toFixed(5)}, ${Number(value.lon).toFixed(5)}`;
    }
    return JSON.stringify(value);
  }
  if (VALUE_PREFIX[field]) {
    return codeLabel(lang, VALUE_PREFIX[field], value);
  }
  return String(value);
}

// --- HTML ---

function inputId(section, name) {
  return `edit-${section}-${name}`;
}

function options(lang, f, value) {
  const empty = f.empty ? `<option value=""${value === null || value === undefined ? ' selected' : ''}>—</option>` : '';
  return empty + f.codes.map((code) => {
    const label = f.prefix ? codeLabel(lang, f.prefix, code) : code;
    const selected = String(value) === code ? ' selected' : '';
    return `<option value="${escapeHtml(code)}"${selected}>${escapeHtml(label)}</option>`;
  }).join('');
}

function shelterOptions(lang, value, shelters, current) {
  const list = Array.isArray(shelters) ? [...shelters] : [];
  if (current && current.id && !list.some((s) => s.id === current.id)) {
    list.unshift({ ...current, distance: null });
  }
  const empty = `<option value=""${value ? '' : ' selected'}>—</option>`;
  return empty + list.map((s) => {
    const label = translate(lang, 'edit.destination.option', {
      name: s.name, kind: codeLabel(lang, 'kind', s.kind), distance: distanceText(lang, s.distance),
    });
    return `<option value="${Number(s.id)}"${Number(value) === Number(s.id) ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  }).join('');
}

function supportersEditor(lang, list) {
  const t = (key, params) => escapeHtml(translate(lang, key, params));
  if (!list || list.length === 0) {
    return `<ol class="supporter-edit" data-testid="plan-supporters"><li class="muted">${t('edit.supporters.none')}</li></ol>`;
  }
  return `<ol class="supporter-edit" data-testid="plan-supporters">${list.map((s, i) =>
    `<li data-testid="plan-supporter" data-id="${Number(s.id)}"><span class="supporter-name">${escapeHtml(s.name)}</span>` +
    (s.relation ? ` <span class="muted">${escapeHtml(codeLabel(lang, 'relation', s.relation))}</span>` : '') +
    `<span class="row-buttons">` +
    `<button type="button" class="small-button" data-supporter-move="${i}" data-delta="-1"${i === 0 ? ' disabled' : ''}>${t('edit.supporters.up')}</button>` +
    `<button type="button" class="small-button" data-supporter-move="${i}" data-delta="1"${i === list.length - 1 ? ' disabled' : ''}>${t('edit.supporters.down')}</button>` +
    `<button type="button" class="small-button" data-supporter-remove="${i}" data-testid="supporter-remove">${t('edit.supporters.remove')}</button>` +
    `</span></li>`).join('')}</ol>`;
}

function supporterChoices(lang, choices, chosen) {
  const t = (key, params) => escapeHtml(translate(lang, key, params));
  if (choices === null || choices === undefined) {
    return '';
  }
  const taken = new Set((chosen || []).map((s) => Number(s.id)));
  const rows = choices.filter((c) => !taken.has(Number(c.id)));
  if (rows.length === 0) {
    return `<p class="muted" data-testid="supporter-choices">${t('edit.supporters.found.none')}</p>`;
  }
  return `<ul class="supporter-choices" data-testid="supporter-choices" aria-label="${t('edit.supporters.found')}">${rows.map((c) =>
    `<li data-testid="supporter-choice" data-id="${Number(c.id)}"><span class="supporter-name">${escapeHtml(c.name)}</span>` +
    ` <span class="muted">${escapeHtml(codeLabel(lang, 'relation', c.relation))}・${escapeHtml(distanceText(lang, c.distance_m))}` +
    `・${t('edit.supporters.plans', { n: c.plans })}</span>` +
    `<button type="button" class="small-button" data-supporter-add="${Number(c.id)}">${t('edit.supporters.add')}</button></li>`,
  ).join('')}</ul>`;
}

function supporterPicker(lang, ui) {
  const t = (key, params) => escapeHtml(translate(lang, key, params));
  const extra = ui.extra || {};
  const relation = { name: 'new_relation', codes: REGISTER_CODES.relation, prefix: 'relation' };
  const kind = { name: 'new_kind', codes: REGISTER_CODES['supporter.kind'], prefix: 'supporter.kind' };
  return (
    `<div class="supporter-search"><label for="supporter-query">${t('edit.supporters.search')}</label>` +
    `<span class="inline"><input type="search" id="supporter-query" name="supporter_query" data-testid="supporter-query"` +
    ` value="${escapeHtml(extra.supporter_query || '')}" maxlength="50">` +
    `<button type="button" class="secondary-button" data-supporter-search data-testid="supporter-search">${t('edit.supporters.search.button')}</button></span>` +
    supporterChoices(lang, ui.supporterChoices, ui.values.supporters) + `</div>` +
    `<details class="supporter-new"${extra.new_open ? ' open' : ''}><summary data-testid="supporter-new">${t('edit.supporters.new')}</summary>` +
    `<label>${t('edit.field.kind')}<select name="new_kind" data-testid="new-supporter-kind">${options(lang, kind, extra.new_kind || 'person')}</select></label>` +
    `<label>${t('edit.field.relation')}<select name="new_relation" data-testid="new-supporter-relation">${options(lang, relation, extra.new_relation || 'neighbour')}</select></label>` +
    `<label>${t('edit.field.name')}<input type="text" name="new_name" maxlength="100" data-testid="new-supporter-name" value="${escapeHtml(extra.new_name || '')}"></label>` +
    `<label>${t('edit.field.phone')}<input type="tel" name="new_phone" maxlength="24" data-testid="new-supporter-phone" value="${escapeHtml(extra.new_phone || '')}"></label>` +
    `<label class="check"><input type="checkbox" name="new_at_home" data-testid="new-supporter-at-home"${extra.new_at_home ? ' checked' : ''}> ${t('edit.supporters.new.at_home')}</label>` +
    `<button type="button" class="secondary-button" data-supporter-create data-testid="supporter-create">${t('edit.supporters.new.create')}</button>` +
    `</details>`
  );
}

function fieldHtml(lang, section, f, ui, detail) {
  const id = inputId(section, f.name);
  const value = ui.values[f.name];
  const label = escapeHtml(translate(lang, `edit.field.${f.name}`));
  const test = `data-testid="${id}"`;
  const invalid = ui.error && ui.error.field === f.name ? ' aria-invalid="true"' : '';
  switch (f.type) {
    case 'select':
      return `<label class="edit-field" for="${id}"><span>${label}</span><select id="${id}" name="${f.name}" ${test}${invalid}>${options(lang, f, value)}</select></label>`;
    case 'shelter': {
      const plan = detail && detail.resident && detail.resident.plan;
      const current = plan && plan.destination ? plan.destination : null;
      const loading = ui.shelters ? '' : ` <span class="muted">${escapeHtml(translate(lang, 'edit.destination.loading'))}</span>`;
      return `<label class="edit-field" for="${id}"><span>${label}</span><select id="${id}" name="${f.name}" ${test}${invalid}` +
        ` aria-label="${escapeHtml(translate(lang, 'edit.destination.choose'))}">${shelterOptions(lang, value, ui.shelters, current)}</select>${loading}</label>`;
    }
    case 'checks':
      return `<fieldset class="edit-field checks" ${test}${invalid}><legend>${label}</legend>${f.codes.map((code) =>
        `<label class="check"><input type="checkbox" name="${f.name}" value="${escapeHtml(code)}"${(value || []).includes(code) ? ' checked' : ''}>` +
        ` ${escapeHtml(codeLabel(lang, f.prefix, code))}</label>`).join('')}</fieldset>`;
    case 'flag':
      return `<label class="edit-field check" for="${id}"><input type="checkbox" id="${id}" name="${f.name}" ${test}${value ? ' checked' : ''}${invalid}> ${label}</label>`;
    case 'textarea':
      return `<label class="edit-field" for="${id}"><span>${label}</span><textarea id="${id}" name="${f.name}" rows="3" maxlength="${f.max}" ${test}${invalid}>${escapeHtml(value || '')}</textarea></label>`;
    case 'lines':
      return `<label class="edit-field" for="${id}"><span>${label} <small class="muted">${escapeHtml(translate(lang, 'edit.items.hint'))}</small></span>` +
        `<textarea id="${id}" name="${f.name}" rows="3" ${test}${invalid}>${escapeHtml((value || []).join('\n'))}</textarea></label>`;
    case 'supporters':
      return `<div class="edit-field"><span>${label}</span><div>${supportersEditor(lang, value)}${supporterPicker(lang, ui)}</div></div>`;
    case 'number':
      return `<label class="edit-field" for="${id}"><span>${label}</span><input type="number" id="${id}" name="${f.name}" min="${f.min}" max="${f.max}" step="1" value="${value ?? ''}" ${test}${invalid}></label>`;
    default: {
      const type = f.type === 'date' ? 'date' : f.type === 'tel' ? 'tel' : 'text';
      const max = f.max ? ` maxlength="${f.max}"` : f.type === 'tel' ? ' maxlength="24"' : '';
      return `<label class="edit-field" for="${id}"><span>${label}</span><input type="${type}" id="${id}" name="${f.name}"${max} value="${escapeHtml(value ?? '')}" ${test}${invalid}></label>`;
    }
  }
}

/** What went wrong with the last save, in the section: a field to correct, a refusal, or the conflict. */
function problemHtml(lang, section, ui) {
  const t = (key, params) => escapeHtml(translate(lang, key, params));
  if (ui.conflict) {
    const c = ui.conflict;
    const rows = changedFields(c.sent).map((field) => {
      let yours = field === 'supporters' ? (ui.values.supporters || []) : c.sent[field];
      if (field === 'destination_shelter_id' && yours) {
        yours = (ui.shelters || []).find((s) => Number(s.id) === Number(yours)) || yours;
      }
      return `<tr data-testid="conflict-field" data-field="${escapeHtml(field)}"><th scope="row">${t(`edit.field.${field}`)}</th>` +
        `<td data-testid="conflict-yours">${escapeHtml(valueText(lang, field, yours))}</td>` +
        `<td data-testid="conflict-current">${escapeHtml(valueText(lang, field, c.current ? c.current[field] : null))}</td></tr>`;
    }).join('');
    return `<div class="conflict" role="alert" data-testid="conflict" data-version="${escapeHtml(c.currentVersion ?? '')}">` +
      `<h4>${t('edit.conflict.title')}</h4><p>${t('edit.conflict.body', { version: c.currentVersion ?? '—' })}</p>` +
      (rows
        ? `<table class="conflict-table"><thead><tr><th scope="col">${t('edit.conflict.field')}</th><th scope="col">${t('edit.conflict.yours')}</th>` +
          `<th scope="col">${t('edit.conflict.current')}</th></tr></thead><tbody>${rows}</tbody></table>`
        : `<p class="muted">${t('edit.conflict.same')}</p>`) +
      `<button type="button" class="primary-button" data-conflict-reload data-testid="conflict-reload">${t('edit.conflict.reload')}</button></div>`;
  }
  if (ui.error) {
    const e = ui.error;
    const text = e.field
      ? translate(lang, 'edit.error.field', { field: translate(lang, `edit.field.${e.field}`), detail: e.message })
      : translate(lang, e.key || 'edit.error.other', { detail: e.message });
    return `<p class="edit-error" role="alert" data-testid="edit-error" data-field="${escapeHtml(e.field || '')}">${escapeHtml(text)}</p>`;
  }
  return '';
}

/** The form of a section being edited, from the editor's state `ui` ({values, error, conflict, shelters, ...}). */
export function formHtml(lang, section, detail, ui) {
  const t = (key) => escapeHtml(translate(lang, key));
  const note = section === 'consent' ? `<p class="muted">${t('edit.consent.note')}</p>` : '';
  const busy = ui.saving ? ' disabled' : '';
  return (
    `<form class="edit-form" data-section="${section}" data-testid="form-${section}" novalidate>` +
    `<h4>${t(`edit.section.${section}`)}</h4>${note}` +
    SECTIONS[section].map((f) => fieldHtml(lang, section, f, ui, detail)).join('') +
    problemHtml(lang, section, ui) +
    `<div class="edit-actions"><button type="submit" class="primary-button" data-testid="save-${section}"${busy || (ui.conflict ? ' disabled' : '')}>` +
    `${t(ui.saving ? 'edit.saving' : 'edit.save')}</button>` +
    `<button type="button" class="secondary-button" data-cancel data-testid="cancel-${section}">${t('edit.cancel')}</button></div>` +
    `</form>`
  );
}
