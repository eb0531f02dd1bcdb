// The sign-in page: login and password to api/login, then back to the page that sent the person
// here (`?next=`, same site only; the planner's page by default). Errors are worded by the
// server's code: wrong login or password, account locked, too many attempts. The password never
// leaves the form except in the POST body, and nothing is stored in the browser.

import './login.css';
import { languageFromSearch, translate } from '../i18n.js';
import { afterLogin, loginErrorKey, postJson, safeNext } from '../session.js';

const params = new URLSearchParams(window.location.search);
const state = {
  lang: languageFromSearch(window.location.search),
  error: null, // { key, detail }
  busy: false,
};

const form = document.getElementById('login-form');
const loginInput = document.getElementById('login-id');
const passwordInput = document.getElementById('login-password');
const errorBox = document.getElementById('login-error');
const notice = document.getElementById('login-notice');
const submit = form.querySelector('button[type=submit]');
const toggle = document.getElementById('lang-toggle');

function noticeKey() {
  if (params.get('reason') === 'signed_out') {
    return 'login.signed_out';
  }
  return params.has('next') ? 'login.needed' : null;
}

function render() {
  const t = (key, values) => translate(state.lang, key, values);
  document.documentElement.lang = state.lang;
  document.title = t('login.title');
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  toggle.textContent = t('app.lang.switch');
  toggle.lang = state.lang === 'ja' ? 'en' : 'ja';
  toggle.setAttribute('aria-label', t('app.lang.switch.label'));
  const mapLink = document.querySelector('[data-testid=link-map]');
  mapLink.href = state.lang === 'ja' ? './' : './?lang=en';
  const key = noticeKey();
  notice.hidden = key === null;
  notice.textContent = key ? t(key) : '';
  errorBox.hidden = state.error === null;
  errorBox.textContent = state.error ? t(state.error.key, { detail: state.error.detail }) : '';
  errorBox.dataset.error = state.error ? state.error.key.replace('login.error.', '') : '';
  submit.disabled = state.busy;
  submit.textContent = t(state.busy ? 'login.submitting' : 'login.submit');
  form.setAttribute('aria-busy', String(state.busy));
}

toggle.addEventListener('click', () => {
  state.lang = state.lang === 'ja' ? 'en' : 'ja';
  const url = new URL(window.location.href);
  if (state.lang === 'ja') {
    url.searchParams.delete('lang');
  } else {
    url.searchParams.set('lang', state.lang);
  }
  window.history.replaceState(null, '', url);
  render();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (state.busy) {
    return;
  }
  const login = loginInput.value.trim();
  const password = passwordInput.value;
  if (!login || !password) {
    state.error = { key: 'login.error.missing', detail: '' };
    render();
    (login ? passwordInput : loginInput).focus();
    return;
  }
  state.busy = true;
  state.error = null;
  render();
  const answer = await postJson('api/login', { login, password });
  if (answer.status === 200) {
    const next = safeNext(params.get('next'), window.location.href);
    window.location.assign(afterLogin(next, state.lang));
    return;
  }
  state.busy = false;
  const message = answer.body && answer.body.message ? ` – ${answer.body.message}` : '';
  state.error = {
    key: loginErrorKey(answer.status, answer.body && answer.body.error),
    detail: answer.status === 0 ? answer.detail : `HTTP ${answer.status}${message}`,
  };
  passwordInput.value = '';
  render();
  passwordInput.focus();
});

render();
loginInput.focus();
