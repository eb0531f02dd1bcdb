// The dispatcher's page: choose an active emergency and the supporters to send, plan their
// safety-check routes (a job on the server: progress, stop), see the routes on the map and in a
// table, move a visit by hand and see its effect, and publish the routes to the supporters'
// phones. Wiring only; the HTML is in views.js, the map in routeMap.js, the words in format.js.

import 'leaflet/dist/leaflet.css';
import './dispatch.css';
import { ApiError, getJson, isAbort } from '../api.js';
import { ErrorBanner } from '../errorBanner.js';
import { escapeHtml } from '../html.js';
import { languageFromSearch, translate } from '../i18n.js';
import { loginHref, postJson } from '../session.js';
import { DEFAULT_MINUTES, canDispatch, moveRequest, runRequest, stateText } from './format.js';
import { RouteMap } from './routeMap.js';
import { emergencyOptions, movePanelHtml, planHtml, secondsOptions, teamRows } from './views.js';

const POLL_MS = 500;
const INITIAL_TEAMS = 3;

const state = {
  lang: languageFromSearch(window.location.search),
  me: null,
  csrf: null,
  emergencies: [],
  emergencyId: null,
  supporters: [],
  teams: new Map(), // supporter id → { supporter, minutes, pair, skills: Set }
  seconds: 15,
  job: null,
  plan: null,
  move: { check: null, to: '', place: 1, answer: null },
};

const $ = (id) => document.getElementById(id);

function toLogin() {
  window.location.assign(loginHref(window.location.href, { lang: state.lang }));
}

async function load(url) {
  try {
    return await getJson(url, { cache: 'no-store' });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      toLogin();
    }
    throw e;
  }
}

/** POSTs with the CSRF token; throws ApiError with the server's message for a refused request. */
async function post(url, body, okStatuses) {
  const answer = await postJson(url, body, { csrf: state.csrf });
  if (answer.status === 401) {
    toLogin();
  }
  if (!okStatuses.includes(answer.status)) {
    throw new ApiError(url, answer.status, (answer.body && answer.body.message) || answer.detail);
  }
  return answer.body;
}

const names = () => new Map(state.supporters.map((s) => [s.id, s.name]));

async function main() {
  const getLanguage = () => state.lang;
  const banner = new ErrorBanner($('error-banner'), getLanguage);
  let map = null;

  function renderTop() {
    const t = (key, params) => escapeHtml(translate(state.lang, key, params));
    const who = state.me ? `<span class="who" data-testid="signed-in-as">${t('nav.signed_in', { name: state.me.display_name || state.me.login })}</span>` : '';
    $('topbar').innerHTML =
      `<h1 data-testid="page-title">${t('dispatch.heading')}</h1><nav class="topnav" aria-label="mimamori">` +
      `<a href="${state.lang === 'ja' ? './' : './?lang=en'}">${t('nav.map')}</a>${who}` +
      `<button type="button" id="lang-toggle" data-testid="lang-toggle">${t('app.lang.switch')}</button>` +
      (state.me ? `<button type="button" id="sign-out" class="secondary-button" data-testid="sign-out">${t('nav.sign_out')}</button>` : '') +
      `</nav>`;
    document.documentElement.lang = state.lang;
    document.title = translate(state.lang, 'dispatch.title');
  }

  function renderSetup() {
    const t = (key) => translate(state.lang, key);
    $('emergency-label').textContent = t('dispatch.emergency');
    $('teams-heading').textContent = t('dispatch.teams');
    $('seconds-label').textContent = t('dispatch.seconds');
    $('run').textContent = t('dispatch.run');
    $('stop').textContent = t('dispatch.stop');
    $('publish').textContent = t('dispatch.publish');
    $('emergency').innerHTML = emergencyOptions(state.lang, state.emergencies, state.emergencyId);
    $('seconds').innerHTML = secondsOptions(state.lang, state.seconds);
    $('teams').innerHTML = teamRows(state.lang, state.supporters, state.teams);
    const running = state.job && state.job.state === 'running';
    $('run').disabled = running || !state.emergencyId || state.teams.size === 0;
    $('stop').disabled = !running;
    $('publish').disabled = !state.plan || !state.job || !['finished', 'stopped'].includes(state.job.state);
    $('job-state').textContent = state.job ? stateText(state.lang, state.job) : '';
  }

  function renderPlan() {
    const plan = $('plan');
    if (!state.plan || !state.plan.routes) {
      plan.dataset.state = 'empty';
      plan.innerHTML = '';
      $('move').innerHTML = '';
      return;
    }
    plan.dataset.state = 'ready';
    plan.innerHTML = planHtml(state.lang, state.plan, names(), state.move.check);
    $('move').innerHTML = movePanelHtml(state.lang, state.plan, names(), state.move);
  }

  function renderAll() {
    renderTop();
    renderSetup();
    renderPlan();
    banner.render();
  }

  async function chooseEmergency(id) {
    state.emergencyId = id || null;
    state.supporters = [];
    state.teams = new Map();
    state.job = null;
    state.plan = null;
    $('teams').dataset.state = 'loading';
    renderAll();
    if (!state.emergencyId) {
      return;
    }
    try {
      state.supporters = await load(`api/emergencies/${encodeURIComponent(state.emergencyId)}/supporters?limit=40`);
      for (const s of state.supporters.slice(0, INITIAL_TEAMS)) {
        state.teams.set(String(s.id), { supporter: s, minutes: DEFAULT_MINUTES, pair: false, skills: new Set() });
      }
      banner.clear('dispatch_supporters');
    } catch (e) {
      banner.show('dispatch_supporters', e);
    }
    $('teams').dataset.state = 'ready';
    renderAll();
    map.showStarts([...state.teams.values()].map((team) => team.supporter));
  }

  function readTeamRow(row) {
    const id = row.dataset.supporter;
    const supporter = state.supporters.find((s) => String(s.id) === id);
    if (!row.querySelector('[data-send]').checked) {
      state.teams.delete(id);
      return;
    }
    state.teams.set(id, {
      supporter,
      minutes: row.querySelector('[data-minutes]').value,
      pair: row.querySelector('[data-pair]').checked,
      skills: new Set([...row.querySelectorAll('[data-skill]')].filter((c) => c.checked).map((c) => c.dataset.skill)),
    });
  }

  async function run() {
    state.plan = null;
    state.move = { check: null, to: '', place: 1, answer: null };
    $('published').hidden = true;
    try {
      const body = runRequest(state.emergencyId, [...state.teams.values()], state.seconds);
      state.job = await post('api/optimisations', body, [202]);
      banner.clear('dispatch_run');
    } catch (e) {
      banner.show('dispatch_run', e);
      return;
    }
    renderAll();
    poll(state.job.id);
  }

  async function poll(id) {
    while (state.job && state.job.id === id) {
      let job;
      try {
        job = await load(`api/optimisations/${id}?view=summary`);
      } catch (e) {
        if (!isAbort(e)) {
          banner.show('dispatch_plan', e);
        }
        return;
      }
      if (!state.job || state.job.id !== id) {
        return;
      }
      state.job = job;
      renderSetup();
      if (job.state !== 'running') {
        await loadPlan(id);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async function loadPlan(id) {
    try {
      const job = await load(`api/optimisations/${id}?view=full&geometry=true`);
      state.job = job;
      state.plan = job.plan || null;
      banner.clear('dispatch_plan');
    } catch (e) {
      banner.show('dispatch_plan', e);
    }
    renderAll();
    if (state.plan && state.plan.routes) {
      map.showPlan(state.plan, names());
    }
  }

  async function move(apply) {
    const m = state.move;
    m.to = $('move-to').value;
    m.place = $('move-place').value;
    try {
      const answer = await post(`api/optimisations/${state.job.id}/moves`, moveRequest(m.check, m.to, m.place, apply), [200, 409]);
      banner.clear('dispatch_move');
      if (answer.applied) {
        await loadPlan(state.job.id);
      }
      state.move.answer = answer;
    } catch (e) {
      banner.show('dispatch_move', e);
    }
    renderPlan();
  }

  async function publish() {
    try {
      const answer = await post(`api/optimisations/${state.job.id}/publish`, undefined, [201]);
      const shown = $('published');
      shown.hidden = false;
      shown.textContent = translate(state.lang, 'dispatch.published', { n: answer.published.length });
      banner.clear('dispatch_publish');
    } catch (e) {
      banner.show('dispatch_publish', e);
    }
  }

  async function signOut() {
    const answer = await postJson('api/logout', undefined, { csrf: state.csrf });
    if (answer.status === 204 || answer.status === 401) {
      window.location.assign(`login.html?reason=signed_out${state.lang === 'ja' ? '' : '&lang=en'}`);
    }
  }

  $('topbar').addEventListener('click', (e) => {
    if (e.target.closest('#lang-toggle')) {
      state.lang = state.lang === 'ja' ? 'en' : 'ja';
      renderAll();
    } else if (e.target.closest('#sign-out')) {
      signOut();
    }
  });
  $('emergency').addEventListener('change', (e) => chooseEmergency(e.target.value));
  $('seconds').addEventListener('change', (e) => {
    state.seconds = Number(e.target.value);
  });
  $('teams').addEventListener('change', (e) => {
    const row = e.target.closest('[data-supporter]');
    if (row) {
      readTeamRow(row);
      row.classList.toggle('is-on', state.teams.has(row.dataset.supporter));
      renderSetup();
      map.showStarts([...state.teams.values()].map((team) => team.supporter));
    }
  });
  $('run').addEventListener('click', () => run());
  $('stop').addEventListener('click', () => post(`api/optimisations/${state.job.id}/stop`, undefined, [200, 202])
    .catch((e) => banner.show('dispatch_run', e)));
  $('publish').addEventListener('click', () => publish());
  $('plan').addEventListener('click', (e) => {
    const pick = e.target.closest('[data-pick]');
    if (pick) {
      const route = pick.closest('[data-testid="route"]');
      state.move = { check: pick.dataset.pick, to: route ? route.dataset.supporter : '', place: 1, answer: null };
      renderPlan();
    }
  });
  $('move').addEventListener('click', (e) => {
    const button = e.target.closest('[data-move]');
    if (button) {
      move(button.dataset.move === 'apply');
    }
  });

  renderAll();
  try {
    state.me = await load('api/me');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      banner.show('me', e);
    }
    return;
  }
  state.csrf = state.me.csrf_token;
  renderTop();
  if (!canDispatch(state.me)) {
    const notice = $('forbidden');
    notice.hidden = false;
    notice.textContent = translate(state.lang, 'error.dispatch_forbidden');
    $('workspace').hidden = true;
    return;
  }
  map = new RouteMap($('map'), { getLanguage });
  window.mimamori = { map: map.map, state };
  const [emergencies, config] = await Promise.allSettled([load('api/emergencies'), load('api/config')]);
  map.addBaseMap(config.status === 'fulfilled' ? config.value : null);
  if (config.status === 'rejected') {
    banner.show('dispatch_config', config.reason);
  }
  if (emergencies.status === 'fulfilled') {
    state.emergencies = emergencies.value.filter((e) => !e.ended_at);
  } else {
    banner.show('dispatch_emergencies', emergencies.reason);
  }
  await chooseEmergency(state.emergencies.length ? String(state.emergencies[0].id) : null);
}

main().catch((error) => {
  const banner = document.getElementById('error-banner');
  banner.hidden = false;
  banner.textContent = `mimamori: ${error && error.message ? error.message : error}`;
  console.error(error);
});
