// The ranked list: one row per resident in score order (rank, name, age, district, band, score,
// main reasons, plan status, failed checks), and a "more" button while the API has a next page.
// rowHtml is pure (tested under node); RankedList renders into its element and reports clicks.

import { escapeHtml } from '../html.js';
import { formatNumber, translate } from '../i18n.js';
import { bandChip } from './residentView.js';
import { ageText, codeLabel, selectionSizeText, topReasons } from './format.js';

export const COLUMNS = ['rank', 'name', 'age', 'district', 'band', 'score', 'reasons', 'plan', 'checks'];

/** One row of the table; `rank` is the 1-based position in the selection. */
export function rowHtml(lang, item, rank, selectedId = null) {
  const { shown, more } = topReasons(lang, item.reasons, 3);
  const reasons = shown.map((words) => `<li>${escapeHtml(words)}</li>`).join('') +
    (more ? `<li class="more">${escapeHtml(translate(lang, 'list.reasons.more', { n: more }))}</li>` : '');
  const failed = [...new Set(item.failed_checks || [])]; // a check fails once per detail (hazard, supporter)
  const checks = failed.map((c) =>
    `<li class="chip chip--check" data-check="${escapeHtml(c)}">${escapeHtml(translate(lang, `check.${c}`))}</li>`,
  ).join('');
  const selected = String(item.id) === String(selectedId);
  return (
    `<tr data-testid="resident-row" data-id="${escapeHtml(item.id)}" data-score="${Number(item.score)}"` +
    ` data-band="${escapeHtml(item.band)}" data-plan-status="${escapeHtml(item.plan_status)}"` +
    ` data-hazards="${escapeHtml((item.hazard_types || []).join(' '))}"` +
    ` data-checks="${escapeHtml(failed.join(' '))}"${selected ? ' class="is-selected" aria-selected="true"' : ''}>` +
    `<td class="num rank">${formatNumber(lang, rank)}</td>` +
    `<th scope="row"><button type="button" class="name-button" data-open="${escapeHtml(item.id)}">${escapeHtml(item.name || '—')}</button></th>` +
    `<td class="num">${escapeHtml(ageText(lang, item.age))}</td>` +
    `<td class="district">${escapeHtml(item.district || '—')}</td>` +
    `<td class="band-cell">${bandChip(lang, item.band)}</td>` +
    `<td class="num score">${formatNumber(lang, item.score)}</td>` +
    `<td class="reasons-cell"><ul class="reasons">${reasons}</ul></td>` +
    `<td><span class="status status--${escapeHtml(item.plan_status)}">${escapeHtml(codeLabel(lang, 'plan.status', item.plan_status))}</span></td>` +
    `<td class="checks-cell">${checks ? `<ul class="chips">${checks}</ul>` : `<span class="muted">${escapeHtml(translate(lang, 'list.checks.none'))}</span>`}</td>` +
    `</tr>`
  );
}

export class RankedList {
  /** callbacks: onOpen(id), onMore() */
  constructor(root, { onOpen, onMore }) {
    this.root = root;
    this.root.addEventListener('click', (e) => {
      const open = e.target.closest('[data-open]');
      if (open) {
        onOpen(open.dataset.open);
      } else if (e.target.closest('[data-more]')) {
        onMore();
      }
    });
  }

  /**
   * state: { lang, items, next, listState ('loading' | 'ready' | 'error'), selectionCount, selectionCap,
   * selectedId }
   */
  render(state) {
    const { lang, items } = state;
    const t = (key, params) => escapeHtml(translate(lang, key, params));
    const head = COLUMNS.map((c) => `<th scope="col" class="col-${c}">${t(`list.col.${c}`)}</th>`).join('');
    const rows = items.map((item, i) => rowHtml(lang, item, i + 1, state.selectedId)).join('');
    const loading = state.listState === 'loading';
    let footer = '';
    if (loading) {
      footer = `<p class="list-note">${t('list.loading')}</p>`;
    } else if (state.listState === 'ready' && items.length === 0) {
      footer = `<p class="list-note" data-testid="list-empty">${t('list.empty')}</p>`;
    } else if (state.next) {
      footer = `<button type="button" class="more-button" data-more data-testid="list-more">${t('list.more')}</button>`;
    } else if (state.listState === 'ready') {
      footer = `<p class="list-note" data-testid="list-end">${t('list.end')}</p>`;
    }
    const total = selectionSizeText(lang, state.selectionCount, state.selectionCap);
    const hadFocusOnMore = document.activeElement && document.activeElement.matches('[data-more]');
    this.root.dataset.state = state.listState;
    this.root.dataset.value = String(items.length);
    this.root.innerHTML =
      `<div class="list-head"><h2 id="h-list">${t('list.heading')}</h2>` +
      `<p class="list-summary" data-testid="list-summary">${t('list.shown', { shown: formatNumber(lang, items.length), total })}</p></div>` +
      `<table class="ranked" aria-labelledby="h-list" aria-busy="${loading}"><caption>${t('list.caption')}</caption>` +
      `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
      `<div class="list-foot">${footer}</div>`;
    if (hadFocusOnMore) {
      const more = this.root.querySelector('[data-more]');
      if (more) {
        more.focus();
      }
    }
  }
}
