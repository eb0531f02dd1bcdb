// A visible banner for failed API calls, one line per source (town, config, shelters, hazards):
// a newer failure of the same source replaces the older line, a later success clears it.

import { escapeHtml } from './html.js';
import { translate } from './i18n.js';

export class ErrorBanner {
  constructor(root, getLanguage) {
    this.root = root;
    this.getLanguage = getLanguage;
    this.errors = new Map();
    this.root.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-source]');
      if (button) {
        this.clear(button.dataset.source);
      }
    });
  }

  /** Shows `error.<source>` with the error's detail. */
  show(source, error) {
    this.errors.set(source, error);
    this.render();
    if (globalThis.console) {
      console.error(`mimamori: ${source}:`, error);
    }
  }

  clear(source) {
    if (this.errors.delete(source)) {
      this.render();
    }
  }

  render() {
    const lang = this.getLanguage();
    this.root.hidden = this.errors.size === 0;
    this.root.innerHTML = [...this.errors]
      .map(
        ([source, error]) =>
          `<p class="error" data-testid="error-${source}"><span>${escapeHtml(translate(lang, `error.${source}`, { detail: detailOf(lang, error) }))}</span>` +
          `<button type="button" data-source="${source}" aria-label="${escapeHtml(translate(lang, 'error.dismiss'))}">×</button></p>`,
      )
      .join('');
  }
}

/** What went wrong, for a person: the HTTP status and server message, or that the server is unreachable. */
export function detailOf(lang, error) {
  if (!error) {
    return '';
  }
  const detail = error.detail || error.message || String(error);
  return error.status === 0 ? `${translate(lang, 'error.network')} (${detail})` : detail;
}
