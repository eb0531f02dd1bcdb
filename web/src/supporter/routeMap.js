// The route on a Leaflet map: the road line (or straight legs when the route has no geometry),
// each stop as a numbered marker coloured by its status, and the shelters around the route. A tap
// on a stop opens its card. The background map is the server's (none offline or when configured
// so); nothing else is fetched.

import * as L from 'leaflet/dist/leaflet-src.esm.js';

export class RouteMap {
  constructor(element, { onSelect }) {
    this.map = L.map(element, { zoomControl: true, zoomSnap: 0.5, minZoom: 5, maxZoom: 19, tap: true });
    this.map.attributionControl.setPrefix('Leaflet');
    this.layers = L.layerGroup().addTo(this.map);
    this.onSelect = onSelect;
    this.fittedFor = null;
    this.map.setView([35.1, 138.86], 13);
  }

  addBaseMap(config) {
    const basemap = config && config.basemap;
    if (!basemap || !basemap.url || this.base) {
      return;
    }
    this.base = L.tileLayer(basemap.url, { attribution: basemap.attribution || '', maxZoom: 18, minZoom: 5 }).addTo(this.map);
  }

  /** Draws the route; fits the view when the route (emergency and revision) is new to the map. */
  show(route, selectedCheckId) {
    this.layers.clearLayers();
    const element = this.map.getContainer();
    if (!route || !route.stops.length) {
      element.dataset.stops = '0';
      return;
    }
    const points = route.stops.map((s) => [s.lat, s.lon]);
    for (const s of route.shelters || []) {
      L.circleMarker([s.lat, s.lon], { radius: 5, color: '#3b4a5a', weight: 2, fillColor: '#fff', fillOpacity: 1, className: 'shelter-dot' })
        .bindTooltip(s.name).addTo(this.layers);
    }
    const line = route.geometry && route.geometry.type === 'LineString'
      ? route.geometry.coordinates.map(([lon, lat]) => [lat, lon])
      : points;
    L.polyline(line, { color: '#0b5cad', weight: 5, opacity: 0.8, className: 'route-line' }).addTo(this.layers);
    for (const s of route.stops) {
      const selected = s.check_id === selectedCheckId;
      const icon = L.divIcon({
        className: `stop-marker stop-marker--${s.status}${selected ? ' stop-marker--selected' : ''}`,
        html: `<span>${s.seq}</span>`,
        iconSize: [34, 34],
        iconAnchor: [17, 17],
      });
      L.marker([s.lat, s.lon], { icon, keyboard: true, title: String(s.seq) })
        .on('click', () => this.onSelect(s.check_id))
        .addTo(this.layers);
    }
    element.dataset.stops = String(route.stops.length);
    const key = `${route.emergency.id}:${route.revision}`;
    if (this.fittedFor !== key) {
      this.fittedFor = key;
      this.map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 17 });
    }
  }

  /** Centres on a stop without changing the zoom. */
  focus(stop) {
    this.map.panTo([stop.lat, stop.lon]);
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
