// How a hazard zone looks. Inundation (flood, tsunami, storm surge, inland flooding) is filled by
// depth rank with the colours of the national standard for 浸水深 (MLIT hazard map guidelines);
// each of those types has its own outline so overlapping layers stay apart. Landslide warning
// zones are yellow, special warning zones red with a hatched fill (patterns in index.html).

export const ZONE_TYPES = ['flood', 'tsunami', 'storm_surge', 'inland_flood', 'landslide'];

/** Depth rank (1 shallowest … 6 deepest) → fill colour. */
export const DEPTH_COLOURS = {
  1: '#F7F5A9', // under 0.5 m
  2: '#FFD8C0', // 0.5–3 m
  3: '#FFB7B7', // 3–5 m
  4: '#FF9191', // 5–10 m
  5: '#F285C9', // 10–20 m
  6: '#DC7ADC', // 20 m or more
};

export const DEPTH_RANKS = [1, 2, 3, 4, 5, 6];
const UNKNOWN_DEPTH_COLOUR = '#B0B0B0';

export const LANDSLIDE_COLOURS = {
  1: '#FFE100', // 警戒区域 (yellow zone)
  2: '#E60012', // 特別警戒区域 (red zone)
};
export const LANDSLIDE_HATCH = { 2: 'url(#hatch-landslide-special)' };

const INUNDATION_OUTLINES = {
  flood: { color: '#1F5FA8', dashArray: null },
  tsunami: { color: '#0B3D6B', dashArray: '8 4' },
  storm_surge: { color: '#00796B', dashArray: '2 4' },
  inland_flood: { color: '#5C6BC0', dashArray: '12 4 2 4' },
};

export function depthColour(rank) {
  return DEPTH_COLOURS[rank] || UNKNOWN_DEPTH_COLOUR;
}

export function isInundation(hazardType) {
  return Object.prototype.hasOwnProperty.call(INUNDATION_OUTLINES, hazardType);
}

/** The i18n key naming a zone's class: its depth band, or warning / special warning. */
export function rankLabelKey(hazardType, rank) {
  if (hazardType === 'landslide') {
    return LANDSLIDE_COLOURS[rank] ? `landslide.${rank}` : 'depth.other';
  }
  return DEPTH_COLOURS[rank] ? `depth.${rank}` : 'depth.other';
}

/** Leaflet path options for one zone, from its GeoJSON properties. */
export function zoneStyle(properties) {
  const type = properties.hazard_type;
  const rank = Number(properties.rank);
  if (type === 'landslide') {
    const special = rank === 2;
    return {
      color: special ? '#A3000D' : '#B89B00',
      weight: special ? 2.5 : 2,
      dashArray: special ? null : '6 4',
      fillColor: LANDSLIDE_HATCH[rank] || LANDSLIDE_COLOURS[rank] || LANDSLIDE_COLOURS[1],
      fillOpacity: special ? 0.85 : 0.45,
      className: `hazard-zone hazard-zone--landslide hazard-zone--rank-${rank}`,
    };
  }
  const outline = INUNDATION_OUTLINES[type] || INUNDATION_OUTLINES.flood;
  return {
    color: outline.color,
    weight: 1,
    dashArray: outline.dashArray,
    fillColor: depthColour(rank),
    fillOpacity: 0.6,
    className: `hazard-zone hazard-zone--${type} hazard-zone--rank-${rank}`,
  };
}

/** Inundation layers drawn first (underneath), landslides last, so red zones stay visible. */
export function drawOrder(hazardType) {
  const i = ZONE_TYPES.indexOf(hazardType);
  return i < 0 ? ZONE_TYPES.length : i;
}
