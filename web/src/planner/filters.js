// The planner's selection: filters read from the page's address and turned into the API's query
// strings. Pure functions, so the list, the map and the CSV link always ask for the same
// selection. Only codes and ids ever go into a URL, never a name or any other personal value.

import { BANDS, CHECKS, FACTORS, HAZARD_FILTERS, PLAN_STATUSES, PROFILES } from './codes.js';

/** The filters in the order they appear on the page and in every query string. */
export const FILTER_KEYS = ['profile', 'district', 'hazard', 'factor', 'plan_status', 'band', 'check'];
export const DEFAULT_PROFILE = 'national';
export const PAGE_SIZE = 50;

const ALLOWED = {
  profile: PROFILES,
  hazard: HAZARD_FILTERS,
  factor: FACTORS,
  plan_status: PLAN_STATUSES,
  band: BANDS,
  check: CHECKS,
};

/** Whether `value` is acceptable for filter `key` (a district is a positive whole number). */
export function isValidFilter(key, value) {
  if (value === null || value === undefined || value === '') {
    return false;
  }
  if (key === 'district') {
    return /^[1-9][0-9]{0,9}$/.test(String(value));
  }
  return Object.prototype.hasOwnProperty.call(ALLOWED, key) && ALLOWED[key].includes(String(value));
}

/**
 * The filters in a search string (`?band=A&hazard=flood`): known keys with valid values only,
 * the profile always set (national by default). Anything else is dropped, not guessed at.
 */
export function filtersFromSearch(search) {
  const params = new URLSearchParams(search || '');
  const filters = { profile: DEFAULT_PROFILE };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (isValidFilter(key, value)) {
      filters[key] = String(value);
    }
  }
  return filters;
}

/** A copy of `filters` with `key` set to `value`, or removed when the value is empty or invalid. */
export function withFilter(filters, key, value) {
  const next = { ...filters };
  if (isValidFilter(key, value)) {
    next[key] = String(value);
  } else {
    delete next[key];
  }
  if (!next.profile) {
    next.profile = DEFAULT_PROFILE;
  }
  return next;
}

/** `profile=national&district=3&...`: the set filters, in FILTER_KEYS order. */
export function filterQuery(filters) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (isValidFilter(key, filters[key])) {
      params.set(key, filters[key]);
    }
  }
  if (!params.has('profile')) {
    params.set('profile', DEFAULT_PROFILE);
  }
  return params.toString();
}

/** One page of the ranked list; `after` is the previous page's `next` ({after_score, after_id}). */
export function listUrl(filters, { limit = PAGE_SIZE, after = null } = {}) {
  let url = `api/residents?${filterQuery(filters)}&limit=${limit}`;
  if (after) {
    url += `&after_score=${encodeURIComponent(after.after_score)}&after_id=${encodeURIComponent(after.after_id)}`;
  }
  return url;
}

/** The whole selection's homes as GeoJSON points. */
export function geojsonUrl(filters) {
  return `api/residents.geojson?${filterQuery(filters)}`;
}

/** The whole selection as a CSV download. */
export function csvUrl(filters) {
  return `api/residents.csv?${filterQuery(filters)}`;
}

/** One resident's register entry, plan, score under the profile and failed checks. */
export function residentUrl(id, filters) {
  return `api/residents/${encodeURIComponent(id)}?profile=${encodeURIComponent(filters.profile || DEFAULT_PROFILE)}`;
}

/**
 * The page's own search string: the filters (national profile left implicit), the language when
 * not Japanese and the open resident's id. Empty when nothing is set.
 */
export function pageSearch(filters, { lang = 'ja', resident = null } = {}) {
  const params = new URLSearchParams(filterQuery(filters));
  if (params.get('profile') === DEFAULT_PROFILE) {
    params.delete('profile');
  }
  if (lang && lang !== 'ja') {
    params.set('lang', lang);
  }
  if (resident !== null && resident !== undefined && /^[0-9]+$/.test(String(resident))) {
    params.set('resident', String(resident));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The open resident's id from the page's search string, or null. */
export function residentFromSearch(search) {
  const value = new URLSearchParams(search || '').get('resident');
  return value && /^[1-9][0-9]{0,17}$/.test(value) ? value : null;
}

/** Whether any filter other than the profile is set. */
export function hasNarrowingFilters(filters) {
  return FILTER_KEYS.some((key) => key !== 'profile' && isValidFilter(key, filters[key]));
}
