// The supporter's phone page: their published route on a map and as a list in visiting order,
// one tap per status, escalation that tells them not to go on at their own risk, and reports that
// survive a lost signal. Wiring only: the outbox (exactly once, in order) is outbox.js, what the
// phone keeps is storage.js, the HTML is views.js, the map routeMap.js. The page reads the API
// relative to itself; its assets are cached by the service worker (sw.js) so it opens without
// signal, and the last route received stays on the phone (IndexedDB) until sign-out.

import 'leaflet/dist/leaflet.css';
import './supporter.css';
import { ApiError, getJson } from '../api.js';
import { escapeHtml } from '../html.js';
import { languageFromSearch, translate } from '../i18n.js';
import { loginHref, postJson } from '../session.js';
import { ESCALATING, Outbox } from './outbox.js';
import { shrinkPhoto } from './photo.js';
import { routeChange } from './routeChange.js';
import { RouteMap } from './routeMap.js';
import { MemoryStorage, openBrowserStorage } from './storage.js';
import { changeHtml, clockTime, logHtml, stopCardHtml } from './views.js';

const POLL_MS = 10000; // route changes and reports of others show within this
const RETRY_MS = 4000; // a report that could not be sent is tried again after this

const state = {
  lang: languageFromSearch(window.location.search),
  login: null,
  name: null,
  csrf: null,
  reachable: true,
  phase: 'loading', // loading | ready | forbidden | nologin
  route: null,
  tag: null,
  savedAt: null,
  fromSnapshot: false,
  change: null,
  open: null,
  notes: {},
  choices: {},
  pending: [],
  log: [],
  signin: false,
  escalation: null,
  notice: null,
  error: null,
};

const $ = (id) => document.getElementById(id);
const t = (key, params) => translate(state.lang, key, params);
let storage;
let outbox;
let map;
let retryTimer = null;

async function loadMe() {
  try {
    const me = await getJson('api/me', { cache: 'no-store' });
    state.reachable = true;
    return { status: 200, me };
  } catch (e) {
    if (e instanceof ApiError) {
      state.reachable = e.status !== 0;
      return { status: e.status, me: null };
    }
    throw e;
  }
}

/** Sends one waiting report; answers {status, body} (status 0 without signal). */
async function send(entry, retried = false) {
  if (!state.csrf) {
    const me = await loadMe();
    if (me.status !== 200) {
      return { status: me.status === 401 ? 401 : 0, body: null };
    }
    state.csrf = me.me.csrf_token;
  }
  let answer;
  if (entry.kind === 'photo') {
    answer = await postPhoto(entry);
  } else {
    answer = await postJson(`api/checks/${entry.checkId}/status`, {
      status: entry.status,
      note: entry.note,
      shelter_id: entry.shelterId,
      client_time: entry.clientTime,
      idempotency_key: entry.key,
    }, { csrf: state.csrf });
  }
  state.reachable = answer.status !== 0;
  if (answer.status === 403 && !retried && answer.body && /CSRF/.test(answer.body.message || '')) {
    state.csrf = null; // signed in again elsewhere: fetch the new token once
    return send(entry, true);
  }
  return answer;
}

async function postPhoto(entry) {
  try {
    const response = await fetch(`api/checks/${entry.checkId}/photos`, {
      method: 'POST',
      body: entry.photo,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        'Content-Type': entry.contentType || 'image/jpeg',
        'X-CSRF-Token': state.csrf,
        'Idempotency-Key': entry.key,
        'X-Client-Time': entry.clientTime,
      },
    });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    return { status: response.status, body };
  } catch (e) {
    return { status: 0, body: null };
  }
}

/** Sends what waits, now; schedules another try when the signal or the server failed. */
async function flushNow() {
  if (!state.login) {
    return;
  }
  const result = await outbox.flush(state.login);
  if (result.stopped === 'signin') {
    state.signin = true;
  } else if (result.stopped === 'retry') {
    if (!retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        flushNow();
      }, RETRY_MS);
    }
  } else {
    state.signin = false;
  }
  await refreshQueue();
  if (result.sent > 0) {
    await refreshRoute();
  }
}

async function refreshQueue() {
  if (!state.login) {
    return;
  }
  state.pending = await outbox.pending(state.login);
  state.log = await outbox.log(state.login);
  renderStatusBar();
  renderStops();
  renderLog();
}

/** Asks for the route; 304 keeps the one the phone has. */
async function refreshRoute() {
  if (!state.login || state.phase !== 'ready') {
    return;
  }
  let response;
  try {
    const headers = { Accept: 'application/json' };
    if (state.tag) {
      headers['If-None-Match'] = state.tag;
    }
    response = await fetch('api/my/route', { headers, cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    state.reachable = false;
    renderStatusBar();
    return;
  }
  state.reachable = true;
  if (response.status === 401) {
    state.signin = true;
    renderAll();
    return;
  }
  if (response.status === 304) {
    state.fromSnapshot = false;
    state.error = null;
    renderAll();
    return;
  }
  if (!response.ok) {
    state.error = `HTTP ${response.status}`;
    renderAll();
    return;
  }
  const body = await response.json();
  const change = routeChange(state.route, body.route);
  if (change) {
    state.change = change;
  }
  state.route = body.route;
  state.tag = response.headers.get('ETag');
  state.savedAt = new Date().toISOString();
  state.fromSnapshot = false;
  state.error = null;
  if (state.route && !state.route.stops.some((s) => s.check_id === state.open)) {
    state.open = firstOpenStop(state.route);
  }
  await storage.putSnapshot(state.login, { route: state.route, tag: state.tag, savedAt: state.savedAt });
  renderAll();
}

/** The first stop not yet finished, else the first. */
function firstOpenStop(route) {
  if (!route || !route.stops.length) {
    return null;
  }
  const done = ['safe_at_home', 'evacuated', 'not_at_home'];
  const next = route.stops.find((s) => !done.includes(s.status));
  return (next || route.stops[0]).check_id;
}

function renderAll() {
  document.documentElement.lang = state.lang;
  document.title = t('sup.title');
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  $('lang-toggle').textContent = t('app.lang.switch');
  $('lang-toggle').lang = state.lang === 'ja' ? 'en' : 'ja';
  $('sign-out').textContent = t('sup.sign_out');
  $('sign-out').hidden = !state.login;
  $('who').textContent = state.name ? t('sup.signed_in', { name: state.name }) : '';
  renderStatusBar();
  renderNotices();
  renderRoute();
  renderStops();
  renderLog();
}

function renderStatusBar() {
  const online = navigator.onLine && state.reachable;
  const pill = $('connection');
  pill.dataset.state = online ? 'online' : 'offline';
  pill.textContent = t(online ? 'sup.online' : 'sup.offline');
  const count = $('outbox-count');
  count.dataset.value = String(state.pending.length);
  count.textContent = state.pending.length ? t('sup.outbox', { n: state.pending.length }) : t('sup.outbox.none');
}

function renderNotices() {
  const phase = $('phase');
  const phaseKey = { forbidden: 'sup.not_supporter', nologin: 'sup.signin.again' }[state.phase];
  phase.hidden = !phaseKey;
  phase.textContent = phaseKey ? t(phaseKey) : '';
  const signin = $('signin');
  signin.hidden = !state.signin;
  signin.innerHTML = state.signin
    ? `${escapeHtml(t('sup.signin.again'))} <a href="${escapeHtml(loginHref(window.location.href, { lang: state.lang }))}" data-testid="signin-link">${escapeHtml(t('sup.signin.link'))}</a>`
    : '';
  const notice = $('notice');
  notice.hidden = !state.notice;
  notice.textContent = state.notice ? t(state.notice.key, { status: t(`status.${state.notice.status}`) }) : '';
  const escalation = $('escalation');
  escalation.hidden = !state.escalation;
  escalation.dataset.status = state.escalation ? state.escalation.status : '';
  escalation.innerHTML = state.escalation
    ? `<h2>${escapeHtml(t('sup.escalated.heading'))}</h2>`
      + `<p>${escapeHtml(t('sup.escalated.body', { status: t(`status.${state.escalation.status}`) }))}</p>`
      + `<div class="emergency-calls"><a class="call-button" href="tel:119">${escapeHtml(t('sup.escalated.fire'))}</a>`
      + `<a class="call-button" href="tel:110">${escapeHtml(t('sup.escalated.police'))}</a></div>`
      + `<button type="button" class="secondary-button" data-close-escalation data-testid="escalation-close">${escapeHtml(t('sup.escalated.close'))}</button>`
    : '';
  $('route-change').innerHTML = changeHtml(state.change, state.lang);
  const error = $('route-error');
  error.hidden = !state.error;
  error.textContent = state.error ? t('sup.error.route', { detail: state.error }) : '';
}

function renderRoute() {
  const meta = $('route-meta');
  const r = state.route;
  const stopsElement = $('stops');
  stopsElement.dataset.state = state.phase === 'ready' || state.route ? 'ready' : state.phase;
  if (!r) {
    meta.textContent = state.phase === 'loading' ? t('sup.loading') : state.phase === 'ready' ? t('sup.no_route') : '';
    meta.dataset.revision = '';
  } else {
    const level = state.lang === 'en' ? r.emergency.level_en : r.emergency.level_ja;
    meta.textContent = t('sup.route.meta', { level: level || r.emergency.level, revision: r.revision, time: clockTime(r.published_at, state.lang) })
      + (state.fromSnapshot ? ` ${t('sup.route.saved', { time: clockTime(state.savedAt, state.lang) })}` : '');
    meta.dataset.revision = String(r.revision);
  }
  $('stops-heading').textContent = r ? t('sup.route.heading', { n: r.stops.length }) : '';
  if (map) {
    map.show(r, state.open);
  }
}

function renderStops() {
  const list = $('stops');
  const r = state.route;
  // keep what the supporter is typing across a redraw
  const active = document.activeElement;
  const typing = active && active.dataset && active.dataset.noteFor
    ? { id: active.dataset.noteFor, start: active.selectionStart, end: active.selectionEnd } : null;
  if (!r) {
    list.innerHTML = '';
    list.dataset.value = '0';
    return;
  }
  const added = new Set(state.change ? state.change.added.map((s) => s.check_id) : []);
  list.innerHTML = r.stops.map((stop) => stopCardHtml(stop, {
    lang: state.lang,
    open: stop.check_id === state.open,
    added: added.has(stop.check_id),
    shelters: r.shelters,
    choice: state.choices[stop.check_id],
    note: state.notes[stop.check_id],
    conflict: conflictOf(stop.check_id),
    waiting: state.pending.filter((e) => e.checkId === stop.check_id),
  })).join('');
  list.dataset.value = String(r.stops.length);
  if (typing) {
    const again = list.querySelector(`[data-note-for="${typing.id}"]`);
    if (again) {
      again.focus();
      again.setSelectionRange(typing.start, typing.end);
    }
  }
}

/** The check's newest answered report, when the server kept it as history only (a newer one exists). */
function conflictOf(checkId) {
  const answered = state.log.filter((r) => r.checkId === checkId && r.kind === 'status' && r.outcome !== 'queued');
  return answered.length && answered[0].outcome === 'conflict' ? answered[0] : null;
}

function renderLog() {
  $('log').innerHTML = logHtml(state.log, state.route, state.lang);
}

async function record(checkId, status) {
  const note = state.notes[checkId] || null;
  let shelterId = null;
  if (status === 'evacuated') {
    const select = document.querySelector(`[data-shelter-for="${checkId}"]`);
    shelterId = select && select.value ? Number(select.value) : null;
  }
  await outbox.record(state.login, { kind: 'status', checkId, status, note, shelterId });
  delete state.notes[checkId];
  const offline = !(navigator.onLine && state.reachable);
  state.notice = { key: offline ? 'sup.report.recorded.offline' : 'sup.report.recorded', status };
  state.escalation = ESCALATING.includes(status) ? { status } : null;
  await refreshQueue();
  renderNotices();
  if (state.escalation) {
    $('escalation').scrollIntoView({ block: 'start' });
  }
  flushNow();
}

async function attachPhoto(checkId, file) {
  try {
    const photo = await shrinkPhoto(file);
    await outbox.record(state.login, { kind: 'photo', checkId, photo, contentType: 'image/jpeg' });
    state.notice = { key: 'sup.report.photo.queued', status: 'assigned' };
  } catch (e) {
    state.notice = { key: 'sup.report.photo.failed', status: 'assigned' };
  }
  await refreshQueue();
  renderNotices();
  flushNow();
}

function wire() {
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'ja' ? 'en' : 'ja';
    const url = new URL(window.location.href);
    if (state.lang === 'ja') {
      url.searchParams.delete('lang');
    } else {
      url.searchParams.set('lang', 'en');
    }
    window.history.replaceState(null, '', url);
    renderAll();
  });
  $('sign-out').addEventListener('click', () => signOut());
  document.body.addEventListener('click', (e) => {
    const report = e.target.closest('[data-report]');
    if (report) {
      record(Number(report.dataset.check), report.dataset.report);
      return;
    }
    const open = e.target.closest('[data-open]');
    if (open) {
      const id = Number(open.dataset.open);
      state.open = state.open === id ? null : id;
      renderStops();
      renderRoute();
      return;
    }
    if (e.target.closest('[data-dismiss-change]')) {
      state.change = null;
      renderNotices();
      renderStops();
      return;
    }
    if (e.target.closest('[data-close-escalation]')) {
      state.escalation = null;
      renderNotices();
    }
  });
  document.body.addEventListener('input', (e) => {
    if (e.target.dataset.noteFor) {
      state.notes[Number(e.target.dataset.noteFor)] = e.target.value;
    }
  });
  document.body.addEventListener('change', (e) => {
    if (e.target.dataset.shelterFor) {
      state.choices[Number(e.target.dataset.shelterFor)] = e.target.value;
    }
    if (e.target.dataset.photoFor && e.target.files && e.target.files[0]) {
      attachPhoto(Number(e.target.dataset.photoFor), e.target.files[0]);
    }
  });
  window.addEventListener('online', () => {
    state.reachable = true;
    renderStatusBar();
    flushNow();
    refreshRoute();
  });
  window.addEventListener('offline', () => renderStatusBar());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      flushNow();
      refreshRoute();
    }
  });
}

async function signOut() {
  const waiting = state.pending.length;
  if (waiting && !window.confirm(t('sup.sign_out.confirm', { n: waiting }))) {
    return;
  }
  await postJson('api/logout', undefined, { csrf: state.csrf });
  await storage.forget(state.login);
  window.location.assign(`login.html?reason=signed_out&next=${encodeURIComponent('/supporter.html')}${state.lang === 'en' ? '&lang=en' : ''}`);
}

function registerServiceWorker() {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('sw.js', { scope: './supporter' }).catch(() => {
      // without it the page still works online, and reports still wait on the phone
    });
  }
}

async function main() {
  wire();
  renderAll();
  registerServiceWorker();
  try {
    storage = await openBrowserStorage();
  } catch (e) {
    storage = new MemoryStorage(); // private browsing without IndexedDB: reports live as long as the page
  }
  outbox = new Outbox({ storage, transport: { send }, onChange: () => {} });
  map = new RouteMap($('map'), {
    onSelect: (checkId) => {
      state.open = checkId;
      renderStops();
      renderRoute();
      const card = document.querySelector(`[data-testid=stop][data-check-id="${checkId}"]`);
      if (card) {
        card.scrollIntoView({ block: 'nearest' });
      }
    },
  });
  window.mimamori = { map: map.map, state, flush: flushNow, refresh: refreshRoute };

  const me = await loadMe();
  if (me.status === 401) {
    window.location.assign(loginHref(window.location.href, { lang: state.lang }));
    return;
  }
  if (me.status === 200) {
    if (!(me.me.roles || []).some((r) => r.role === 'supporter')) {
      state.phase = 'forbidden';
      renderAll();
      return;
    }
    state.login = me.me.login;
    state.name = me.me.display_name;
    state.csrf = me.me.csrf_token;
    await storage.putMeta('lastLogin', { login: state.login, name: state.name });
    getJson('api/config', { cache: 'no-store' }).then((config) => map.addBaseMap(config)).catch(() => {});
  } else {
    const last = await storage.getMeta('lastLogin'); // no signal: carry on as the last supporter here
    if (!last) {
      state.phase = 'nologin';
      renderAll();
      return;
    }
    state.login = last.login;
    state.name = last.name;
  }
  const snapshot = await storage.getSnapshot(state.login);
  if (snapshot) {
    state.route = snapshot.route;
    state.tag = snapshot.tag;
    state.savedAt = snapshot.savedAt;
    state.fromSnapshot = true;
    state.open = firstOpenStop(state.route);
  }
  state.phase = 'ready';
  await refreshQueue();
  renderAll();
  map.invalidate();
  await refreshRoute();
  flushNow();
  setInterval(() => {
    refreshRoute();
    flushNow();
  }, POLL_MS);
}

main();
