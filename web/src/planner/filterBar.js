// The filters above the list: one labelled select per filter, a reset button, and the CSV link
// for the same selection. Rendered whole from the state; a change reports (key, value).

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { BANDS, CHECKS, FACTORS, HAZARD_FILTERS, PLAN_STATUSES, PROFILES } from './codes.js';
import { csvUrl, hasNarrowingFilters } from './filters.js';

function options(lang, values, labelOf, selected, withAll = true) {
  const all = withAll ? `<option value="">${escapeHtml(translate(lang, 'filter.all'))}</option>` : '';
  return all + values.map((v) =>
    `<option value="${escapeHtml(v)}"${String(v) === String(selected) ? ' selected' : ''}>${escapeHtml(labelOf(v))}</option>`,
  ).join('');
}

function select(lang, key, optionsHtml, disabled = false) {
  return (
    `<label class="filter"><span class="filter-label">${escapeHtml(translate(lang, `filter.${key}`))}</span>` +
    `<select id="filter-${key}" name="${key}" data-filter="${key}" data-testid="filter-${key}"${disabled ? ' disabled' : ''}>` +
    `${optionsHtml}</select></label>`
  );
}

export class FilterBar {
  /** callbacks: onChange(key, value), onReset() */
  constructor(root, { onChange, onReset }) {
    this.root = root;
    this.root.addEventListener('change', (e) => {
      const key = e.target.dataset.filter;
      if (key) {
        onChange(key, e.target.value);
      }
    });
    this.root.addEventListener('submit', (e) => e.preventDefault());
    this.root.addEventListener('click', (e) => {
      if (e.target.closest('[data-reset]')) {
        onReset();
      }
    });
  }

  /** state: { lang, filters, districts: [{id, name}], scopedDistrict: id or null } */
  render(state) {
    const { lang, filters } = state;
    const t = (key, params) => escapeHtml(translate(lang, key, params));
    const districts = state.districts || [];
    const scoped = state.scopedDistrict;
    let districtSelect;
    if (scoped) {
      const own = districts.find((d) => String(d.id) === String(scoped));
      const label = translate(lang, 'filter.district.own', { name: own ? own.name : scoped });
      districtSelect = select(lang, 'district', `<option value="${escapeHtml(scoped)}" selected>${escapeHtml(label)}</option>`, true);
    } else {
      districtSelect = select(lang, 'district',
        options(lang, districts.map((d) => String(d.id)), (id) => (districts.find((d) => String(d.id) === id) || {}).name || id,
          filters.district));
    }
    const hadFocus = document.activeElement && this.root.contains(document.activeElement) ? document.activeElement.id : null;
    this.root.innerHTML =
      `<h2 class="visually-hidden" id="filters-heading">${t('filter.heading')}</h2>` +
      select(lang, 'profile', options(lang, PROFILES, (p) => translate(lang, `profile.${p}`), filters.profile, false)) +
      districtSelect +
      select(lang, 'hazard', options(lang, HAZARD_FILTERS, (h) => translate(lang, `hazard.${h}`), filters.hazard)) +
      select(lang, 'band', options(lang, BANDS, (b) => translate(lang, `band.${b}`), filters.band)) +
      select(lang, 'plan_status', options(lang, PLAN_STATUSES, (s) => translate(lang, `plan.status.${s}`), filters.plan_status)) +
      select(lang, 'check', options(lang, CHECKS, (c) => translate(lang, `check.${c}`), filters.check)) +
      select(lang, 'factor', options(lang, FACTORS, (f) => translate(lang, `factor.${f}`), filters.factor)) +
      `<div class="filter-actions">` +
      `<button type="button" class="secondary-button" data-reset data-testid="filter-reset"${hasNarrowingFilters(filters) ? '' : ' disabled'}>${t('filter.reset')}</button>` +
      `<a class="csv-link" data-testid="csv-link" href="${escapeHtml(csvUrl(filters))}" download="residents.csv"` +
      ` title="${t('csv.note')}">${t('csv.export')}</a></div>`;
    if (hadFocus) {
      const again = document.getElementById(hadFocus);
      if (again) {
        again.focus();
      }
    }
  }
}
