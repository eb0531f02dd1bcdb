// The hazard zones of the current view, one Leaflet GeoJSON layer per hazard type, each in its own
// map pane: inundation underneath, landslides on top, whatever order the layers are toggled in.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { ZONE_TYPES, drawOrder, zoneStyle } from './hazardStyle.js';
import { zonePopupHtml } from './popups.js';

const PANE_BASE_Z_INDEX = 401; // just above Leaflet's overlay pane (400), below markers (600)

export class HazardLayer {
  constructor(map, getLanguage) {
    this.map = map;
    this.getLanguage = getLanguage;
    this.visible = new Set(ZONE_TYPES);
    this.layers = new Map();
    for (const type of ZONE_TYPES) {
      const paneName = `zones-${type}`;
      const pane = map.createPane(paneName);
      pane.style.zIndex = String(PANE_BASE_Z_INDEX + drawOrder(type));
      const layer = L.geoJSON(null, {
        pane: paneName,
        style: (feature) => zoneStyle(feature.properties || {}),
        onEachFeature: (feature, path) => {
          path.bindPopup(() => zonePopupHtml(this.getLanguage(), feature.properties || {}), {
            maxWidth: 420,
            className: 'mimamori-popup',
          });
        },
      });
      this.layers.set(type, layer);
      layer.addTo(map);
    }
  }

  /** Replaces the zones with those of a GeoJSON FeatureCollection; types not shown are skipped. */
  setData(featureCollection) {
    const byType = new Map(ZONE_TYPES.map((type) => [type, []]));
    for (const feature of featureCollection.features || []) {
      const type = feature.properties && feature.properties.hazard_type;
      if (byType.has(type) && feature.geometry) {
        byType.get(type).push(feature);
      }
    }
    for (const [type, layer] of this.layers) {
      layer.clearLayers();
      const features = byType.get(type);
      if (features.length) {
        layer.addData({ type: 'FeatureCollection', features });
      }
    }
  }

  setVisible(type, visible) {
    const layer = this.layers.get(type);
    if (!layer) {
      return;
    }
    if (visible) {
      this.visible.add(type);
      layer.addTo(this.map);
    } else {
      this.visible.delete(type);
      layer.remove();
    }
  }

  /** How many zones (features, each one SVG path) are on the map now, shown types only. */
  drawnCount() {
    let n = 0;
    for (const type of this.visible) {
      n += this.layers.get(type).getLayers().length;
    }
    return n;
  }

  relabel() {
    for (const layer of this.layers.values()) {
      layer.eachLayer((path) => {
        if (path.isPopupOpen()) {
          const popup = path.getPopup();
          popup.setContent(popup.getContent());
        }
      });
    }
  }
}
