// The dispatcher's map: each team's route as a line in its colour with its visits numbered in
// order, the teams' starting points, and the visits left out in grey. Fits the plan in view.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { escapeHtml } from '../html.js';
import { translate } from '../i18n.js';
import { clockTime, routeColour } from './format.js';

export class RouteMap {
  constructor(element, { getLanguage }) {
    this.getLanguage = getLanguage;
    this.map = L.map(element, { zoomSnap: 0.5, minZoom: 4, maxZoom: 19 });
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.setView([36.2, 138.25], 5);
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(this.map);
    this.layer = L.layerGroup().addTo(this.map);
  }

  addBaseMap(config) {
    const basemap = config && config.basemap;
    if (!basemap || !basemap.url) {
      this.map.getContainer().classList.add('no-basemap');
      return;
    }
    L.tileLayer(basemap.url, { attribution: basemap.attribution || '', maxZoom: 18, minZoom: 5 }).addTo(this.map);
  }

  /** Shows where the chosen supporters set out, before a plan exists. */
  showStarts(supporters) {
    this.layer.clearLayers();
    const bounds = [];
    supporters.forEach((s, i) => {
      const at = [s.location[1], s.location[0]];
      bounds.push(at);
      L.circleMarker(at, { radius: 7, color: routeColour(i), weight: 3, fillColor: '#fff', fillOpacity: 1, className: 'team-start' })
        .bindTooltip(escapeHtml(s.name)).addTo(this.layer);
    });
    if (bounds.length) {
      this.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 15 });
    }
  }

  /** Draws a full plan (routes with geometry, left-out visits); `names` maps supporter id to name. */
  showPlan(plan, names) {
    const lang = this.getLanguage();
    this.layer.clearLayers();
    const bounds = [];
    plan.routes.forEach((route, i) => {
      const colour = routeColour(i);
      if (route.geometry) {
        const line = route.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
        L.polyline(line, { color: colour, weight: 4, opacity: 0.85, className: 'route-line' }).addTo(this.layer);
        bounds.push(...line);
      }
      const start = [route.start[1], route.start[0]];
      bounds.push(start);
      L.circleMarker(start, { radius: 7, color: colour, weight: 3, fillColor: '#fff', fillOpacity: 1, className: 'team-start' })
        .bindTooltip(`${escapeHtml(names.get(route.supporter_id) || route.supporter_id)} – ${escapeHtml(translate(lang, 'dispatch.legend.start'))}`)
        .addTo(this.layer);
      route.visits.forEach((v, k) => {
        const at = [v.location[1], v.location[0]];
        bounds.push(at);
        L.marker(at, {
          icon: L.divIcon({
            className: 'visit-marker',
            html: `<span style="background:${colour}">${k + 1}</span>`,
            iconSize: [22, 22],
          }),
        }).bindTooltip(`${escapeHtml(translate(lang, 'dispatch.check', { id: v.check_id }))} ${clockTime(v.arrival_at)}`)
          .addTo(this.layer);
      });
    });
    for (const l of plan.left_out) {
      const at = [l.location[1], l.location[0]];
      bounds.push(at);
      L.circleMarker(at, { radius: 5, color: '#6b7280', weight: 2, fillColor: '#d1d5db', fillOpacity: 1, className: 'left-out-point' })
        .bindTooltip(`${escapeHtml(translate(lang, 'dispatch.check', { id: l.check_id }))} – ${escapeHtml(l[lang === 'en' ? 'reason_en' : 'reason_ja'])}`)
        .addTo(this.layer);
    }
    if (bounds.length) {
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    }
  }
}
