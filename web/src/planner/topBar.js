// The planner page's top bar: title, link back to the town map, who is signed in, the language
// switch and sign-out.

import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';

export class TopBar {
  /** callbacks: onSwitchLanguage(), onSignOut() */
  constructor(root, { onSwitchLanguage, onSignOut }) {
    this.root = root;
    this.root.addEventListener('click', (e) => {
      if (e.target.closest('#lang-toggle')) {
        onSwitchLanguage();
      } else if (e.target.closest('#sign-out')) {
        onSignOut();
      }
    });
  }

  /** state: { lang, me } */
  render({ lang, me }) {
    const t = (key, params) => escapeHtml(translate(lang, key, params));
    const hadFocus = document.activeElement && document.activeElement.id === 'lang-toggle';
    const mapHref = lang === 'ja' ? './' : './?lang=en';
    const who = me ? `<span class="who" data-testid="signed-in-as">${t('nav.signed_in', { name: me.display_name || me.login })}</span>` : '';
    this.root.innerHTML =
      `<h1 data-testid="page-title">${t('planner.heading')}</h1>` +
      `<nav class="topnav" aria-label="mimamori">` +
      `<a href="${mapHref}" data-testid="link-map">${t('nav.map')}</a>` +
      `${who}` +
      `<button type="button" id="lang-toggle" data-testid="lang-toggle" lang="${lang === 'ja' ? 'en' : 'ja'}"` +
      ` aria-label="${t('app.lang.switch.label')}">${t('app.lang.switch')}</button>` +
      (me ? `<button type="button" id="sign-out" class="secondary-button" data-testid="sign-out">${t('nav.sign_out')}</button>` : '') +
      `</nav>`;
    if (hadFocus) {
      document.getElementById('lang-toggle').focus();
    }
  }
}
