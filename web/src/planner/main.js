// The planner's page: filters, the ranked list of the selection, the same selection on a map, and
// the chosen resident's panel. Wiring only; each part lives in its own module. The page keeps
// its filters, language and the open resident's id in its address (codes and ids only), reads
// the API relative to itself, and sends anyone without a session to the sign-in page.

import 'leaflet/dist/leaflet.css';
import './planner.css';
import { ApiError, getJson, isAbort } from '../api.js';
import { ErrorBanner } from '../errorBanner.js';
import { escapeHtml } from '../html.js';
import { languageFromSearch, translate } from '../i18n.js';
import { canReadRegister, loginHref, postJson, scopedDistrict } from '../session.js';
import { READER_ROLES, WRITER_ROLES } from './codes.js';
import { FilterBar } from './filterBar.js';
import {
  DEFAULT_PROFILE, filtersFromSearch, geojsonUrl, listUrl, pageSearch, residentFromSearch, residentUrl, withFilter,
} from './filters.js';
import { RankedList } from './rankedList.js';
import { ResidentEditor } from './residentEditor.js';
import { placeholderHtml, residentHtml } from './residentView.js';
import { SelectionMap } from './selectionMap.js';
import { TopBar } from './topBar.js';

const SELECTION_CAP = 10000; // the API's limit for the map and the CSV

const state = {
  lang: languageFromSearch(window.location.search),
  filters: filtersFromSearch(window.location.search),
  me: null,
  csrf: null,
  districts: [],
  scopedDistrict: null,
  items: [],
  next: null,
  listState: 'loading',
  selectionCount: null,
  selectionCap: SELECTION_CAP,
  selectedId: residentFromSearch(window.location.search),
  detail: null,
};

const requests = { list: null, map: null, resident: null };

/** Sends the person to sign in and comes back here afterwards. */
function toLogin() {
  window.location.assign(loginHref(window.location.href, { lang: state.lang }));
}

/** GETs JSON; a 401 (no or expired session) goes to the sign-in page. */
async function load(url, key = null) {
  let signal;
  if (key) {
    if (requests[key]) {
      requests[key].abort();
    }
    requests[key] = new AbortController();
    signal = requests[key].signal;
  }
  try {
    return await getJson(url, { signal, cache: 'no-store' });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      toLogin();
    }
    throw e;
  }
}

function updateAddress() {
  const search = pageSearch(state.filters, { lang: state.lang, resident: state.selectedId });
  window.history.replaceState(null, '', `${window.location.pathname}${search}`);
}

function setDocumentLanguage() {
  document.documentElement.lang = state.lang;
  document.title = translate(state.lang, 'planner.title');
}

async function main() {
  const getLanguage = () => state.lang;
  const banner = new ErrorBanner(document.getElementById('error-banner'), getLanguage);
  const panel = document.getElementById('resident');
  let map = null;
  let editor = null;

  const topBar = new TopBar(document.getElementById('topbar'), {
    onSwitchLanguage: () => {
      state.lang = state.lang === 'ja' ? 'en' : 'ja';
      setDocumentLanguage();
      updateAddress();
      renderAll();
    },
    onSignOut: () => signOut(),
  });
  const filterBar = new FilterBar(document.getElementById('filters'), {
    onChange: (key, value) => {
      const profileChanged = key === 'profile' && value !== state.filters.profile;
      state.filters = withFilter(state.filters, key, value);
      applyScope();
      updateAddress();
      filterBar.render(state);
      reload();
      if (profileChanged && state.selectedId) {
        openResident(state.selectedId); // the score and its reasons depend on the profile
      }
    },
    onReset: () => {
      state.filters = { profile: state.filters.profile || DEFAULT_PROFILE };
      applyScope();
      updateAddress();
      filterBar.render(state);
      reload();
    },
  });
  const list = new RankedList(document.getElementById('list'), {
    onOpen: (id) => openResident(id),
    onMore: () => more(),
  });
  panel.addEventListener('click', (e) => {
    if (e.target.closest('[data-close]')) {
      closeResident();
    }
  });

  function applyScope() {
    if (state.scopedDistrict) {
      state.filters = withFilter(state.filters, 'district', state.scopedDistrict);
    }
  }

  function renderPanel() {
    if (!state.selectedId) {
      panel.dataset.state = 'empty';
      panel.innerHTML = placeholderHtml(state.lang);
    } else if (state.detail) {
      panel.dataset.state = 'ready';
      if (editor) {
        editor.capture(); // what is typed in an open form survives the re-render
      }
      const scroll = panel.scrollTop;
      panel.innerHTML = residentHtml(state.lang, state.detail, editor ? editor.view() : null);
      panel.scrollTop = scroll;
    } else {
      panel.innerHTML = `<p class="placeholder">${escapeHtml(translate(state.lang, 'resident.loading'))}</p>`;
    }
  }

  function renderAll() {
    topBar.render(state);
    filterBar.render(state);
    list.render(state);
    renderPanel();
    banner.render();
    if (map) {
      map.relabel();
    }
  }

  async function reload() {
    state.items = [];
    state.next = null;
    state.listState = 'loading';
    state.selectionCount = null;
    list.render(state);
    map.setLoading();
    const filters = state.filters;
    const first = load(listUrl(filters), 'list').then((page) => {
      state.items = page.items || [];
      state.next = page.next || null;
      state.listState = 'ready';
      banner.clear('list');
      list.render(state);
    });
    const points = load(geojsonUrl(filters), 'map').then((collection) => {
      map.setData(collection);
      map.select(state.selectedId);
      state.selectionCount = (collection.features || []).length;
      banner.clear('map');
      list.render(state);
    });
    const [a, b] = await Promise.allSettled([first, points]);
    if (a.status === 'rejected' && !isAbort(a.reason)) {
      state.listState = 'error';
      list.render(state);
      banner.show('list', a.reason);
    }
    if (b.status === 'rejected' && !isAbort(b.reason)) {
      map.setError();
      banner.show('map', b.reason);
    }
  }

  async function more() {
    if (!state.next || state.listState === 'loading') {
      return;
    }
    state.listState = 'loading';
    list.render(state);
    try {
      const page = await load(listUrl(state.filters, { after: state.next }), 'list');
      state.items = state.items.concat(page.items || []);
      state.next = page.next || null;
      state.listState = 'ready';
      banner.clear('list');
    } catch (e) {
      if (isAbort(e)) {
        return;
      }
      state.listState = 'error';
      banner.show('list', e);
    }
    list.render(state);
  }

  async function openResident(id, { keepScroll = false } = {}) {
    const changed = String(id) !== String(state.selectedId);
    state.selectedId = String(id);
    if (editor) {
      editor.show(state.selectedId);
    }
    if (changed || !state.detail) {
      state.detail = null;
    }
    updateAddress();
    list.render(state);
    map.select(state.selectedId);
    panel.dataset.state = 'loading';
    renderPanel();
    try {
      state.detail = await load(residentUrl(state.selectedId, state.filters), 'resident');
      banner.clear('resident');
      renderPanel();
      if (!keepScroll) {
        panel.scrollTop = 0;
        panel.focus({ preventScroll: true });
      }
      panel.dataset.version = [state.detail.resident.version, state.detail.resident.plan ? state.detail.resident.plan.version : '',
        state.detail.resident.consent_version].join('/');
    } catch (e) {
      if (!isAbort(e)) {
        panel.dataset.state = 'error';
        banner.show('resident', e);
      }
    }
  }

  function closeResident() {
    if (requests.resident) {
      requests.resident.abort();
    }
    state.selectedId = null;
    state.detail = null;
    updateAddress();
    list.render(state);
    map.select(null);
    renderPanel();
  }

  async function signOut() {
    const answer = await postJson('api/logout', undefined, { csrf: state.csrf });
    if (answer.status === 204 || answer.status === 401) {
      const lang = state.lang === 'ja' ? '' : '&lang=en';
      window.location.assign(`login.html?reason=signed_out${lang}`);
    } else {
      banner.show('logout', new ApiError('api/logout', answer.status, answer.detail));
    }
  }

  setDocumentLanguage();
  topBar.render(state);
  renderPanel();

  // Who is signed in decides everything else: no session → sign-in page; no planner role → say so.
  try {
    state.me = await load('api/me');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      banner.show('me', e);
    }
    return;
  }
  state.csrf = state.me.csrf_token;
  topBar.render(state);
  if (!canReadRegister(state.me, READER_ROLES)) {
    const notice = document.getElementById('forbidden');
    notice.hidden = false;
    notice.textContent = translate(state.lang, 'error.forbidden');
    document.querySelector('.workspace').hidden = true;
    return;
  }
  state.scopedDistrict = scopedDistrict(state.me, READER_ROLES);
  editor = new ResidentEditor(panel, {
    canEdit: canReadRegister(state.me, WRITER_ROLES),
    getDetail: () => state.detail,
    getCsrf: () => state.csrf,
    render: () => renderPanel(),
    reload: () => openResident(state.selectedId, { keepScroll: true }),
    saved: async () => {
      reload(); // the score, band and plan status in the list and on the map may have changed
      await openResident(state.selectedId, { keepScroll: true });
    },
    unauthorised: () => toLogin(),
    failed: (source, error) => banner.show(source, error),
  });
  applyScope();
  updateAddress();

  map = new SelectionMap(document.getElementById('map'), { onOpen: (id) => openResident(id), getLanguage });
  window.mimamori = { map: map.map, state };
  const [districts, config] = await Promise.allSettled([load('api/districts'), load('api/config')]);
  if (districts.status === 'fulfilled') {
    state.districts = districts.value;
  } else {
    banner.show('districts', districts.reason);
  }
  map.addBaseMap(config.status === 'fulfilled' ? config.value : null);
  if (config.status === 'rejected') {
    banner.show('config', config.reason);
  }
  filterBar.render(state);
  reload();
  if (state.selectedId) {
    openResident(state.selectedId);
  }
}

main().catch((error) => {
  // A bug in the page itself: say so on screen rather than leave a blank page.
  const banner = document.getElementById('error-banner');
  banner.hidden = false;
  banner.textContent = `mimamori: ${error && error.message ? error.message : error}`;
  console.error(error);
});
