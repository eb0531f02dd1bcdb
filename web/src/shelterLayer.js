// The shelters of the current view as Leaflet markers, one layer group per kind so each kind can
// be shown or hidden. Markers are keyboard-focusable, titled with the shelter's name, and open a
// popup built in the current language when it opens.

import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { shelterPopupHtml } from './popups.js';
import { SHELTER_KINDS, SYMBOL_SIZE, shelterSvg } from './shelterSymbols.js';
import { translate } from './i18n.js';

export class ShelterLayer {
  constructor(map, getLanguage) {
    this.map = map;
    this.getLanguage = getLanguage;
    this.groups = new Map(SHELTER_KINDS.map((kind) => [kind, L.layerGroup()]));
    this.visible = new Set(SHELTER_KINDS);
    for (const group of this.groups.values()) {
      group.addTo(map);
    }
  }

  icon(kind) {
    const lang = this.getLanguage();
    return L.divIcon({
      html: shelterSvg(kind, lang, translate(lang, `kind.${kind}`)),
      className: `shelter-marker shelter-marker--${kind}`,
      iconSize: [SYMBOL_SIZE, SYMBOL_SIZE],
      iconAnchor: [SYMBOL_SIZE / 2, SYMBOL_SIZE / 2],
      popupAnchor: [0, -SYMBOL_SIZE / 2],
    });
  }

  /** Replaces the markers with the features of a GeoJSON FeatureCollection of points. */
  setData(featureCollection) {
    for (const group of this.groups.values()) {
      group.clearLayers();
    }
    const icons = new Map(SHELTER_KINDS.map((kind) => [kind, this.icon(kind)]));
    for (const feature of featureCollection.features || []) {
      const p = feature.properties || {};
      const group = this.groups.get(p.kind);
      if (!group || !feature.geometry || feature.geometry.type !== 'Point') {
        continue;
      }
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.marker([lat, lon], { icon: icons.get(p.kind), title: p.name || '', keyboard: true, riseOnHover: true });
      marker.feature = feature;
      marker.bindPopup(() => shelterPopupHtml(this.getLanguage(), p), { maxWidth: 420, className: 'mimamori-popup' });
      group.addLayer(marker);
    }
  }

  setVisible(kind, visible) {
    const group = this.groups.get(kind);
    if (!group) {
      return;
    }
    if (visible) {
      this.visible.add(kind);
      group.addTo(this.map);
    } else {
      this.visible.delete(kind);
      group.remove();
    }
  }

  /** How many markers are on the map now (shown kinds only). */
  drawnCount() {
    let n = 0;
    for (const kind of this.visible) {
      n += this.groups.get(kind).getLayers().length;
    }
    return n;
  }

  /** Redraws the symbols and any open popup in the new language. */
  relabel() {
    for (const [kind, group] of this.groups) {
      const icon = this.icon(kind);
      group.eachLayer((marker) => {
        marker.setIcon(icon);
        if (marker.isPopupOpen()) {
          const popup = marker.getPopup();
          popup.setContent(popup.getContent()); // the content is a function of the language: re-run it
        }
      });
    }
  }
}
