// Reading the server's JSON API. Failures become ApiError with a short, person-readable detail
// (the HTTP status and the server's own message, never a stack), for the error banner.

export class ApiError extends Error {
  constructor(url, status, detail) {
    super(`${url}: ${detail}`);
    this.url = url;
    this.status = status;
    this.detail = detail;
  }
}

/** Whether an error only means that a newer request replaced this one. */
export function isAbort(error) {
  return error && (error.name === 'AbortError' || error.code === 20);
}

/**
 * GETs `url` and parses JSON (`cache`: a fetch cache mode, e.g. 'no-store'). Throws ApiError for a non-2xx answer (status and the server's
 * `message` (or `error`) field when it sent one) or an unreachable server (status 0); rethrows aborts.
 */
export async function getJson(url, { signal, cache, fetchImpl = globalThis.fetch } = {}) {
  let response;
  try {
    const init = { signal, headers: { Accept: 'application/json' } };
    if (cache) {
      init.cache = cache; // 'no-store' for personal data: kept out of the browser's HTTP cache
    }
    response = await fetchImpl(url, init);
  } catch (e) {
    if (isAbort(e)) {
      throw e;
    }
    throw new ApiError(url, 0, e && e.message ? e.message : String(e));
  }
  const body = await response.text();
  if (!response.ok) {
    throw new ApiError(url, response.status, `HTTP ${response.status}${serverMessage(body)}`);
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new ApiError(url, response.status, `not JSON (${e.message})`);
  }
}

function serverMessage(body) {
  try {
    const parsed = JSON.parse(body);
    const message = parsed && (parsed.message || parsed.title || parsed.error);
    return message ? ` – ${typeof message === 'string' ? message : JSON.stringify(message)}` : '';
  } catch (e) {
    const text = (body || '').trim();
    return text && text.length <= 200 ? ` – ${text}` : '';
  }
}

/** `minLon,minLat,maxLon,maxLat` of a Leaflet LatLngBounds, clamped to the globe, 6 decimals (0.1 m). */
export function bboxParam(bounds) {
  const clamp = (v, limit) => Number(Math.min(limit, Math.max(-limit, v)).toFixed(6));
  return [
    clamp(bounds.getWest(), 180),
    clamp(bounds.getSouth(), 90),
    clamp(bounds.getEast(), 180),
    clamp(bounds.getNorth(), 90),
  ].join(',');
}

/**
 * Sends JSON with a method (PATCH, POST, ...) and the CSRF token, and answers `{status, body, detail}`
 * (body parsed when JSON, else null); status 0 when the server cannot be reached. Never throws for
 * an HTTP status, so the caller can read a 400's field or a 409's current record.
 */
export async function sendJson(method, url, payload, { csrf = null, fetchImpl = globalThis.fetch } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrf) {
    headers['X-CSRF-Token'] = csrf;
  }
  let response;
  try {
    response = await fetchImpl(url, {
      method, headers, body: payload === undefined ? undefined : JSON.stringify(payload), credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    return { status: 0, body: null, detail: e && e.message ? e.message : String(e) };
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  return { status: response.status, body, detail: `HTTP ${response.status}${serverMessage(text)}` };
}
