// The change history of a resident (api/residents/{id}/history) as HTML: newest first, each change
// with when, who, what (entry, household, plan, consent, supporter) and version, and each field
// with its old and new value in the page's language. Pure, so it runs under `node --test`.

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { valueText } from './editForms.js';

/** "2026/11/22 10:31" in Japan's time, the language's way. */
export function whenText(lang, iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso || '—');
  }
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo',
  }).format(d);
}

function changeHtml(lang, c) {
  const field = escapeHtml(translate(lang, `edit.field.${c.field}`));
  return `<li data-testid="history-change" data-field="${escapeHtml(c.field)}"><span class="history-field">${field}</span>: ` +
    `<span class="history-old">${escapeHtml(valueText(lang, c.field, c.old))}</span> ${escapeHtml(translate(lang, 'history.arrow'))} ` +
    `<span class="history-new">${escapeHtml(valueText(lang, c.field, c.new))}</span></li>`;
}

/** The list of changes; `changes` null while loading. */
/** Where a change came from, when not an edit on this page: a register file import and its run. */
function sourceHtml(lang, h) {
  if (h.source !== 'import') {
    return '';
  }
  const run = h.import_run_id === null || h.import_run_id === undefined ? '' : Number(h.import_run_id);
  return ` <span class="history-source" data-testid="history-source" data-source="import">` +
    `${escapeHtml(translate(lang, run === '' ? 'history.source.import' : 'history.source.import_run', { run }))}</span>`;
}

export function historyListHtml(lang, changes) {
  const t = (key) => escapeHtml(translate(lang, key));
  if (changes === null || changes === undefined) {
    return `<p class="muted">${t('history.loading')}</p>`;
  }
  if (changes.length === 0) {
    return `<p class="muted" data-testid="history-none">${t('history.none')}</p>`;
  }
  return `<ol class="history" data-testid="history-list">${changes.map((h) =>
    `<li data-testid="history-entry" data-entity="${escapeHtml(h.entity)}" data-version="${Number(h.version)}">` +
    `<div class="history-head">${escapeHtml(translate(lang, 'history.entry', {
      when: whenText(lang, h.changed_at), who: h.login || '—', entity: translate(lang, `history.entity.${h.entity}`),
      version: h.version,
    }))}${sourceHtml(lang, h)}</div><ul class="history-changes">${(h.changes || []).map((c) => changeHtml(lang, c)).join('')}</ul></li>`,
  ).join('')}</ol>`;
}

/** The history section: a button to show or hide it, and the list when shown. */
export function historySection(lang, history) {
  const t = (key) => escapeHtml(translate(lang, key));
  const open = Boolean(history && history.open);
  return (
    `<section class="resident-section" data-testid="resident-history"><h3>${t('history.heading')}</h3>` +
    `<button type="button" class="secondary-button" data-history-toggle data-testid="history-toggle" aria-expanded="${open}">` +
    `${t(open ? 'history.hide' : 'history.show')}</button>` +
    (open ? historyListHtml(lang, history.changes) : '') +
    `</section>`
  );
}
