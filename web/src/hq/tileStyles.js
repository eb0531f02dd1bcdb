// How the wall draws each tile layer: hazard zones by type and rank, residents per cell by priority
// band or by safety-check status, shelters by kind (shape and glyph) and state (colour). Pure.

import { DEPTH_COLOURS, LANDSLIDE_COLOURS } from '../hazardStyle.js';
import { BAND_STYLES } from '../planner/bandStyle.js';

export const BANDS = ['A', 'B', 'C', 'D'];

/** Fill and outline of a hazard zone. */
export function hazardPaint(properties) {
  const rank = Number(properties.rank);
  if (properties.hazard_type === 'landslide') {
    const special = rank === 2;
    return { fill: LANDSLIDE_COLOURS[rank] || LANDSLIDE_COLOURS[1], alpha: special ? 0.6 : 0.4,
      stroke: special ? '#A3000D' : '#B89B00', width: special ? 2 : 1.5 };
  }
  return { fill: DEPTH_COLOURS[rank] || '#B0B0B0', alpha: 0.55, stroke: '#1F5FA8', width: 0.75 };
}

/** Zones drawn first underneath: inundation, then landslides on top. */
export function hazardOrder(properties) {
  return properties.hazard_type === 'landslide' ? 1 : 0;
}

/** The safety-check statuses in the three groups the wall colours. */
export const CHECK_GROUPS = {
  escalated: ['needs_help', 'could_not_reach'],
  unconfirmed: ['not_assigned', 'assigned', 'on_the_way', 'not_at_home'],
  safe: ['safe_at_home', 'evacuated'],
};

export const CHECK_COLOURS = { escalated: '#C62828', unconfirmed: '#F2A900', safe: '#2E7D32' };

/**
 * A residents cell as coloured segments, most urgent first: `[{colour, count}]`. By band from the
 * density layer (band_a ... band_d; unscored people in the total only), by check group from the
 * check-status layer.
 */
export function cellSegments(layer, properties) {
  if (layer === 'check_status') {
    return Object.entries(CHECK_GROUPS)
      .map(([group, statuses]) => ({
        group,
        colour: CHECK_COLOURS[group],
        count: statuses.reduce((sum, s) => sum + Number(properties[s] || 0), 0),
      }))
      .filter((s) => s.count > 0);
  }
  return BANDS.map((band) => ({ group: band, colour: BAND_STYLES[band].colour, count: Number(properties[`band_${band.toLowerCase()}`] || 0) }))
    .filter((s) => s.count > 0);
}

/** The shelter states and their colours: the colour is the state, the shape and glyph the kind. */
export const SHELTER_STATE_COLOURS = {
  closed: '#6B7280',
  ok: '#1B7F3B',
  unknown: '#0B6E99',
  near_full: '#E08A00',
  full: '#C62828',
};

export const SHELTER_SHAPES = {
  evacuation_site: 'circle',
  designated_shelter: 'square',
  welfare_shelter: 'diamond',
  child_welfare_shelter: 'hexagon',
};

export const SHELTER_GLYPHS = {
  evacuation_site: { ja: '場', en: 'E' },
  designated_shelter: { ja: '避', en: 'S' },
  welfare_shelter: { ja: '福', en: 'W' },
  child_welfare_shelter: { ja: '子', en: 'C' },
};

/** A shelter's state from its tile attributes: closed unless open, then its level. */
export function shelterState(properties) {
  if (!properties.open) {
    return 'closed';
  }
  return SHELTER_STATE_COLOURS[properties.level] ? properties.level : 'unknown';
}

/** What the symbol of a shelter looks like: shape, fill, glyph, radius and the occupancy label. */
export function shelterPaint(properties, lang, zoom) {
  const state = shelterState(properties);
  const kind = properties.kind;
  const radius = zoom >= 15 ? 16 : zoom >= 13 ? 13 : 9; // large enough to read on a wall screen
  const capacity = properties.open_capacity ?? properties.capacity_persons;
  let label = null;
  if (state !== 'closed' && zoom >= 13) {
    label = capacity === undefined || capacity === null ? `${properties.occupied ?? 0}` : `${properties.occupied ?? 0}/${capacity}`;
  }
  return {
    shape: SHELTER_SHAPES[kind] || 'circle',
    fill: SHELTER_STATE_COLOURS[state],
    glyph: (SHELTER_GLYPHS[kind] || SHELTER_GLYPHS.evacuation_site)[lang] || '',
    radius,
    label,
    state,
    // open shelters above closed ones, the fuller the higher
    order: ['closed', 'unknown', 'ok', 'near_full', 'full'].indexOf(state),
  };
}
