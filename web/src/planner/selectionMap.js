// The map of the selection: each resident's home as a circle in the band's colour (sized by band),
// a legend with the band letters and how many of each are drawn, and a click that opens the
// resident. Up to a few thousand points are SVG paths (`path.resident-point`, one per resident);
// more than that go on a canvas, which stays fast at the API's 10,000.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { escapeHtml } from '../html.js';
import { formatNumber, translate } from '../i18n.js';
import { BANDS } from './codes.js';
import { bandStyle, pointStyle } from './bandStyle.js';

const SVG_LIMIT = 3000;

export class SelectionMap {
  /** callbacks: onOpen(id); getLanguage() */
  constructor(element, { onOpen, getLanguage }) {
    this.getLanguage = getLanguage;
    this.onOpen = onOpen;
    this.map = L.map(element, { zoomControl: true, keyboard: true, zoomSnap: 0.5, minZoom: 4, maxZoom: 19 });
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.setView([36.2, 138.25], 5);
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(this.map);
    this.svg = L.svg({ padding: 0.2 });
    this.canvas = L.canvas({ padding: 0.2 });
    this.layer = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.features = [];
    this.selectedId = null;
    this.state = 'loading';
    this.legend = L.control({ position: 'topright' });
    this.legend.onAdd = () => {
      const div = L.DomUtil.create('div', 'map-legend');
      div.dataset.testid = 'map-legend';
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    this.legend.addTo(this.map);
    this.renderLegend();
  }

  addBaseMap(config) {
    const basemap = config && config.basemap;
    if (!basemap || !basemap.url) {
      this.map.getContainer().classList.add('no-basemap');
      return;
    }
    L.tileLayer(basemap.url, { attribution: basemap.attribution || '', maxZoom: 18, minZoom: 5 }).addTo(this.map);
  }

  setLoading() {
    this.state = 'loading';
    this.renderLegend();
  }

  setError() {
    this.state = 'error';
    this.renderLegend();
  }

  /** Draws a GeoJSON FeatureCollection of homes (properties band, score, name) and fits it. */
  setData(collection) {
    this.layer.clearLayers();
    this.markers.clear();
    this.features = (collection && collection.features) || [];
    const renderer = this.features.length > SVG_LIMIT ? this.canvas : this.svg;
    const lang = this.getLanguage();
    // lowest first, so that the highest priority is drawn on top
    for (const f of [...this.features].reverse()) {
      const [lon, lat] = f.geometry.coordinates;
      const band = f.properties.band;
      const id = String(f.id);
      const marker = L.circleMarker([lat, lon], {
        ...pointStyle(band, id === this.selectedId),
        renderer,
        className: `resident-point resident-point--${band}`,
        bubblingMouseEvents: false,
      });
      marker.bindTooltip(this.tooltip(lang, f.properties), { direction: 'top', offset: [0, -6] });
      marker.on('click', () => this.onOpen(id));
      marker.addTo(this.layer);
      const element = marker.getElement && marker.getElement();
      if (element) {
        element.dataset.id = id; // SVG only: lets a test or a screen reader tool find a resident's point
      }
      this.markers.set(id, { marker, band });
    }
    this.state = 'ready';
    this.renderer = renderer === this.svg ? 'svg' : 'canvas';
    this.renderLegend();
    this.fit();
  }

  /** Fits the view to the points, clear of the legend (a lone point gets a street-level view). */
  fit() {
    if (this.features.length === 0) {
      return;
    }
    const bounds = L.latLngBounds(this.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    const legend = this.legend.getContainer();
    const right = legend && legend.offsetWidth < this.map.getSize().x / 2 ? legend.offsetWidth + 24 : 24;
    this.map.fitBounds(bounds, { paddingTopLeft: [24, 24], paddingBottomRight: [right, 24], maxZoom: 16 });
  }

  /** Outlines the chosen resident's point and brings it to the front. */
  select(id) {
    const previous = this.markers.get(this.selectedId);
    if (previous) {
      previous.marker.setStyle(pointStyle(previous.band, false));
    }
    this.selectedId = id === null ? null : String(id);
    const chosen = this.markers.get(this.selectedId);
    if (chosen) {
      chosen.marker.setStyle(pointStyle(chosen.band, true));
      chosen.marker.bringToFront();
      if (!this.map.getBounds().contains(chosen.marker.getLatLng())) {
        this.map.panTo(chosen.marker.getLatLng());
      }
    }
  }

  relabel() {
    const lang = this.getLanguage();
    for (const f of this.features) {
      const entry = this.markers.get(String(f.id));
      if (entry) {
        entry.marker.setTooltipContent(this.tooltip(lang, f.properties));
      }
    }
    this.renderLegend();
  }

  tooltip(lang, p) {
    return escapeHtml(translate(lang, 'map.tooltip', { name: p.name, band: p.band, score: p.score }));
  }

  renderLegend() {
    const div = this.legend.getContainer();
    if (!div) {
      return;
    }
    const lang = this.getLanguage();
    const counts = Object.fromEntries(BANDS.map((b) => [b, 0]));
    for (const f of this.features) {
      counts[f.properties.band] = (counts[f.properties.band] || 0) + 1;
    }
    const rows = BANDS.map((b) => {
      const s = bandStyle(b);
      return `<li data-band="${b}"><span class="band" style="background:${s.colour};color:${s.text}">${b}</span>` +
        `<span>${escapeHtml(translate(lang, `band.${b}`))}</span>` +
        `<span class="num" data-testid="map-count-${b}" data-value="${counts[b]}">${formatNumber(lang, counts[b])}</span></li>`;
    }).join('');
    const drawn = this.state === 'ready' ? this.markers.size : 0;
    div.innerHTML =
      `<h2>${escapeHtml(translate(lang, 'map.legend'))}</h2><ul>${rows}</ul>` +
      `<p id="map-points" data-testid="map-points" data-state="${this.state}" data-value="${drawn}"` +
      ` data-renderer="${this.renderer || ''}">` +
      `${escapeHtml(this.state === 'loading' ? translate(lang, 'list.loading') : translate(lang, 'map.points', { n: formatNumber(lang, drawn) }))}</p>`;
  }
}
