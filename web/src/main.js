// The town map: shelters and hazard zones over an optional base map. Wiring only: what each part
// does lives in its own module. The page reads the API relative to itself (`api/...`), so it also
// works behind a reverse proxy under a path prefix.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import 'leaflet/dist/leaflet.css';
import './style.css';
import { bboxParam, getJson } from './api.js';
import { ErrorBanner } from './errorBanner.js';
import { HazardLayer } from './hazardLayer.js';
import { languageFromSearch, translate } from './i18n.js';
import { Panel } from './panel.js';
import { ShelterLayer } from './shelterLayer.js';
import { ViewportLoader } from './viewportLoader.js';

const JAPAN = { center: [36.2, 138.25], zoom: 5 }; // the view when the town cannot be read
const RELOAD_DELAY_MS = 250;

const state = {
  lang: languageFromSearch(window.location.search),
  town: null,
  shownKinds: null,
  shownZones: null,
  drawn: { shelters: 0, zones: 0, shelterState: 'loading', zoneState: 'loading' },
};

function setDocumentLanguage() {
  document.documentElement.lang = state.lang;
  document.title = state.town && state.town.name
    ? `${state.town.name} – ${translate(state.lang, 'app.title')}`
    : translate(state.lang, 'app.title');
  const url = new URL(window.location.href);
  if (state.lang === 'ja') {
    url.searchParams.delete('lang');
  } else {
    url.searchParams.set('lang', state.lang);
  }
  window.history.replaceState(null, '', url);
}

function addBaseMap(map, config) {
  const basemap = config && config.basemap;
  if (!basemap || !basemap.url) {
    document.body.classList.add('no-basemap');
    return;
  }
  L.tileLayer(basemap.url, { attribution: basemap.attribution || '', maxZoom: 18, minZoom: 5 }).addTo(map);
}

/** Padding so that fitting the town leaves it clear of the side panel on a wide screen. */
function fitPadding(panelElement) {
  const width = panelElement.offsetWidth;
  return window.innerWidth > 2 * width ? { paddingTopLeft: [20, 20], paddingBottomRight: [width + 20, 20] } : {};
}

/** Fits the town's extent; a town with nothing stored yet has no extent, maybe a centre. */
function showTown(map, town, panelElement) {
  if (Array.isArray(town.bbox) && town.bbox.length === 4) {
    const [minLon, minLat, maxLon, maxLat] = town.bbox;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { ...fitPadding(panelElement), maxZoom: 16 });
  } else if (Array.isArray(town.center) && town.center.length === 2) {
    map.setView([town.center[1], town.center[0]], 13);
  } else {
    map.setView(JAPAN.center, JAPAN.zoom);
  }
}

async function main() {
  const map = L.map('map', { zoomControl: true, keyboard: true, zoomSnap: 0.5, minZoom: 4, maxZoom: 19 });
  map.attributionControl.setPrefix('Leaflet');
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);

  const getLanguage = () => state.lang;
  const banner = new ErrorBanner(document.getElementById('error-banner'), getLanguage);
  const shelters = new ShelterLayer(map, getLanguage);
  const zones = new HazardLayer(map, getLanguage);
  state.shownKinds = shelters.visible;
  state.shownZones = zones.visible;
  const panelElement = document.getElementById('panel');
  window.mimamori = { map, state };

  const refreshDrawn = () => {
    state.drawn.shelters = shelters.drawnCount();
    state.drawn.zones = zones.drawnCount();
    panel.updateDrawn(state);
  };
  const panel = new Panel(panelElement, {
    onToggleShelter: (kind, shown) => {
      shelters.setVisible(kind, shown);
      refreshDrawn();
    },
    onToggleZone: (type, shown) => {
      zones.setVisible(type, shown);
      refreshDrawn();
    },
    onSwitchLanguage: () => {
      state.lang = state.lang === 'ja' ? 'en' : 'ja';
      setDocumentLanguage();
      panel.render(state);
      banner.render();
      shelters.relabel();
      zones.relabel();
    },
  });
  setDocumentLanguage();
  panel.render(state);

  const loader = (source, path, layer, key, withZoom) =>
    new ViewportLoader({
      delayMs: RELOAD_DELAY_MS,
      request: () => {
        const bbox = bboxParam(map.getBounds());
        const zoom = withZoom ? `&zoom=${Math.round(map.getZoom())}` : '';
        return { url: `${path}?bbox=${bbox}${zoom}`, bbox };
      },
      onData: (data) => {
        layer.setData(data);
        banner.clear(source);
      },
      onError: (error) => banner.show(source, error),
      onState: (loadState, bbox) => {
        state.drawn[`${key}State`] = loadState;
        state.drawn[`${key}Bbox`] = bbox;
        refreshDrawn();
      },
    });
  const shelterLoader = loader('shelters', 'api/shelters', shelters, 'shelter', false);
  const zoneLoader = loader('hazards', 'api/hazards', zones, 'zone', true);
  map.on('moveend', () => {
    shelterLoader.schedule();
    zoneLoader.schedule();
  });

  // The first view (the town, or Japan) fires moveend, which loads both layers.
  const [config, town] = await Promise.allSettled([getJson('api/config'), getJson('api/town')]);
  if (config.status === 'fulfilled') {
    addBaseMap(map, config.value);
  } else {
    addBaseMap(map, null);
    banner.show('config', config.reason);
  }
  if (town.status === 'fulfilled') {
    state.town = town.value;
    setDocumentLanguage();
    panel.render(state);
    showTown(map, state.town, panelElement);
  } else {
    banner.show('town', town.reason);
    map.setView(JAPAN.center, JAPAN.zoom);
  }
}

main().catch((error) => {
  // A bug in the page itself: say so on screen rather than leave a blank map.
  const banner = document.getElementById('error-banner');
  banner.hidden = false;
  banner.textContent = `mimamori: ${error && error.message ? error.message : error}`;
  console.error(error);
});
