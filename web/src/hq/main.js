// The HQ wall page: a full-screen map of the server's vector tiles drawn in the browser (hazard
// zones, residents per cell by priority band or by safety-check status, shelters by kind and state)
// and a side panel of counts in large type. It never reloads: it follows api/events and, on a
// report or a shelter change, reads the counts again (at most every 300 ms); on a tile event it
// reloads exactly the tiles touched; after a dropped connection it resumes after the last event
// and reloads every tile. Wiring only: drawing, decoding, the stream and the panel are modules.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import 'leaflet/dist/leaflet.css';
import './hq.css';
import { ApiError, getJson } from '../api.js';
import { ErrorBanner } from '../errorBanner.js';
import { escapeHtml } from '../html.js';
import { languageFromSearch, translate } from '../i18n.js';
import { loginHref } from '../session.js';
import { drawCells, drawHazards, drawShelters, SHELTER_REACH } from './canvasDraw.js';
import { LiveStream, throttle } from './liveStream.js';
import { emergencyHtml, legendHtml, situationHtml } from './sidePanel.js';
import { VectorGridLayer } from './vectorGridLayer.js';

const OPERATIONS = ['admin', 'hq', 'dispatcher'];
const COUNTS_EVERY_MS = 300;

const state = {
  lang: languageFromSearch(window.location.search),
  me: null,
  situation: null,
  escalations: [],
  residentsLayer: 'resident_density',
  live: 'connecting',
  emergencyId: new URLSearchParams(window.location.search).get('emergency'),
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

function addBaseMap(map, config) {
  const basemap = config && config.basemap;
  if (basemap && basemap.url) {
    L.tileLayer(basemap.url, { attribution: basemap.attribution || '', maxZoom: 18, minZoom: 5 }).addTo(map);
  }
}

async function main() {
  const banner = new ErrorBanner($('error-banner'), () => state.lang);

  function renderHead() {
    document.documentElement.lang = state.lang;
    document.title = translate(state.lang, 'hq.title');
    $('title').textContent = translate(state.lang, 'hq.heading');
    $('lang-toggle').textContent = translate(state.lang, 'app.lang.switch');
    $('live').dataset.state = state.live;
    $('live').textContent = translate(state.lang, `hq.live.${state.live}`);
  }

  renderHead();
  try {
    state.me = await load('api/me');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      banner.show('hq_me', e);
    }
    return;
  }
  if (!state.me.roles.some((r) => OPERATIONS.includes(r.role))) {
    $('wall').hidden = true;
    $('forbidden').hidden = false;
    $('forbidden').textContent = translate(state.lang, 'hq.forbidden');
    return;
  }

  const map = L.map('map', { zoomControl: true, zoomSnap: 0.5, minZoom: 8, maxZoom: 19 });
  map.attributionControl.setPrefix('Leaflet');
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  const tileError = (error) => {
    if (error.status === 401) {
      toLogin();
    }
    banner.show('hq_tiles', error);
  };
  const url = (layer, live) => (c) => `${live ? 'tiles/live' : 'tiles'}/${layer}/${c.z}/${c.x}/${c.y}.mvt`;
  const layers = {
    hazards: new VectorGridLayer({ layer: 'hazards', url: url('hazards', false), draw: drawHazards, onError: tileError, zIndex: 1 }),
    resident_density: new VectorGridLayer({ layer: 'resident_density', url: url('resident_density', false),
      draw: (ctx, features, coords, layer) => drawCells(ctx, features, layer), onError: tileError, zIndex: 2 }),
    check_status: new VectorGridLayer({ layer: 'check_status', url: url('check_status', true),
      draw: (ctx, features, coords, layer) => drawCells(ctx, features, layer), onError: tileError, zIndex: 2 }),
    shelters: new VectorGridLayer({ layer: 'shelters', url: url('shelters', false), points: true, reach: SHELTER_REACH,
      draw: (ctx, placed, coords) => drawShelters(ctx, placed, state.lang, coords.z), onError: tileError, zIndex: 3 }),
  };
  layers.hazards.addTo(map);
  layers.shelters.addTo(map);

  function showResidents(layer) {
    state.residentsLayer = layer;
    for (const id of ['resident_density', 'check_status']) {
      if (id === layer && !map.hasLayer(layers[id])) {
        layers[id].addTo(map);
      } else if (id !== layer && map.hasLayer(layers[id])) {
        map.removeLayer(layers[id]);
      }
    }
    renderSwitch();
    renderLegend();
  }

  function renderSwitch() {
    const emergency = state.situation && state.situation.emergency;
    $('layer-switch').innerHTML = emergency
      ? ['resident_density', 'check_status'].map((l) => `<button type="button" data-layer="${l}" data-testid="layer-${l}"` +
        ` aria-pressed="${state.residentsLayer === l}">${escapeHtml(translate(state.lang, `hq.layer.${l}`))}</button>`).join('')
      : '';
  }

  function renderLegend() {
    $('legend').innerHTML = legendHtml(state.lang, state.residentsLayer);
  }

  function renderPanel() {
    const s = state.situation;
    if (!s) {
      return;
    }
    $('emergency').innerHTML = emergencyHtml(state.lang, s.emergency);
    $('situation').innerHTML = situationHtml(state.lang, s, state.escalations);
    $('situation').dataset.state = 'ready';
    $('situation').dataset.lastEventId = String(s.last_event_id);
    const at = new Date(s.generated_at).toLocaleTimeString(state.lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo' });
    $('updated').textContent = translate(state.lang, 'hq.updated', { time: at });
    $('updated').dataset.at = s.generated_at;
    renderSwitch();
  }

  function renderAll() {
    renderHead();
    renderPanel();
    renderLegend();
    banner.render();
  }

  const situationUrl = () => `api/situation${state.emergencyId ? `?emergency=${encodeURIComponent(state.emergencyId)}` : ''}`;

  async function loadEscalations() {
    const emergency = state.situation && state.situation.emergency;
    if (!emergency || !state.situation.checks || state.situation.checks.escalated === 0) {
      state.escalations = [];
      return;
    }
    try {
      state.escalations = await load(`api/emergencies/${emergency.id}/escalations?limit=30`);
      banner.clear('hq_escalations');
    } catch (e) {
      banner.show('hq_escalations', e);
    }
  }

  let escalationsStale = true;
  async function loadSituation() {
    try {
      const before = state.situation;
      state.situation = await load(situationUrl());
      banner.clear('hq_situation');
      const escalated = (s) => (s && s.checks ? s.checks.escalated : -1);
      if (escalationsStale || escalated(before) !== escalated(state.situation)) {
        escalationsStale = false;
        await loadEscalations();
      }
      renderPanel();
    } catch (e) {
      banner.show('hq_situation', e);
    }
  }
  const refreshCounts = throttle(loadSituation, COUNTS_EVERY_MS);

  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'ja' ? 'en' : 'ja';
    const u = new URL(window.location.href);
    if (state.lang === 'ja') {
      u.searchParams.delete('lang');
    } else {
      u.searchParams.set('lang', state.lang);
    }
    window.history.replaceState(null, '', u);
    renderAll();
    layers.shelters.redrawAll();
  });
  $('layer-switch').addEventListener('click', (e) => {
    const button = e.target.closest('[data-layer]');
    if (button) {
      showResidents(button.dataset.layer);
    }
  });
  map.on('click', (e) => {
    const f = layers.shelters.pointAt(e.latlng);
    if (!f) {
      return;
    }
    const p = f.properties;
    const line = p.open
      ? translate(state.lang, 'hq.popup.occupied', { occupied: p.occupied ?? 0, capacity: p.open_capacity ?? p.capacity_persons ?? '?' })
      : translate(state.lang, 'hq.popup.closed');
    L.popup().setLatLng(e.latlng).setContent(`<strong data-testid="shelter-popup-name">${escapeHtml(p.name)}</strong><br>` +
      `${escapeHtml(translate(state.lang, `kind.${p.kind}`))}<br><span data-testid="shelter-popup-occupied">${escapeHtml(line)}</span>`).openOn(map);
  });

  const [config, town] = await Promise.allSettled([load('api/config'), load('api/town')]);
  addBaseMap(map, config.status === 'fulfilled' ? config.value : null);
  if (config.status === 'rejected') {
    banner.show('hq_config', config.reason);
  }
  if (town.status === 'fulfilled' && Array.isArray(town.value.bbox) && town.value.bbox.length === 4) {
    const [w, s, e, n] = town.value.bbox;
    map.fitBounds([[s, w], [n, e]], { maxZoom: 16 });
  } else {
    if (town.status === 'rejected') {
      banner.show('hq_town', town.reason);
    }
    map.setView([35.1, 138.86], 12);
  }

  await loadSituation();
  showResidents(state.situation && state.situation.emergency ? 'check_status' : 'resident_density');
  renderAll();

  const stream = new LiveStream({
    url: 'api/events',
    after: state.situation ? state.situation.last_event_id : 0,
    onEvent: (type, data) => {
      if (type === 'check' && (data.escalated || state.escalations.some((e) => e.check_id === data.check_id))) {
        escalationsStale = true;
      }
      refreshCounts();
    },
    onTiles: (data) => {
      for (const id of data.layers) {
        if (layers[id] && map.hasLayer(layers[id])) {
          layers[id].refreshWithin(data.bbox);
        }
      }
    },
    onResumed: () => {
      escalationsStale = true;
      refreshCounts();
      Object.values(layers).filter((l) => map.hasLayer(l)).forEach((l) => l.refreshAll());
    },
    onState: (s) => {
      state.live = s;
      renderHead();
    },
  });
  stream.start();
  window.mimamori = {
    map,
    state,
    layers,
    stream,
    /** The properties of a shelter as drawn now (from its loaded tiles), or null. */
    shelter: (id) => {
      const f = layers.shelters.features().find((x) => x.id === Number(id));
      return f ? f.properties : null;
    },
  };
}

main().catch((error) => {
  const banner = document.getElementById('error-banner');
  banner.hidden = false;
  banner.textContent = `mimamori: ${error && error.message ? error.message : error}`;
  console.error(error);
});
