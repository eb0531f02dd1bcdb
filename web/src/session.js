// Signing in and out. The session lives in an HttpOnly cookie the page cannot read; the CSRF token
// that sign-out needs comes from api/me and stays in memory (never in localStorage). Pages that
// need a session send the person to login.html?next=<this page> on 401; the sign-in page goes
// back there afterwards, and only to a page of this same site.

export const LOGIN_PAGE = 'login.html';
export const DEFAULT_NEXT = 'planner.html';

/**
 * Where to go after signing in: `raw` resolved against `baseHref` when it stays on the same
 * origin and is an http(s) page, as a path (`/planner.html?band=A`); otherwise `fallback` resolved the
 * same way. Rejects other hosts (`//evil.example`, `https://…`), `javascript:` and the like.
 */
export function safeNext(raw, baseHref, fallback = DEFAULT_NEXT) {
  const base = new URL(baseHref);
  const resolve = (value) => {
    if (typeof value !== 'string' || value === '' || value.length > 2000 || /[\u0000-\u001f\\]/.test(value)) {
      return null;
    }
    let url;
    try {
      url = new URL(value, base);
    } catch (e) {
      return null;
    }
    if (url.origin !== base.origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return null;
    }
    if (url.pathname.endsWith(`/${LOGIN_PAGE}`)) {
      return null; // never back to the sign-in page itself
    }
    return url.pathname + url.search + url.hash;
  };
  return resolve(raw) || resolve(fallback);
}

/** The sign-in page for someone who was on `href` (kept as a same-site path in ?next=). */
export function loginHref(href, { lang = 'ja', reason = null } = {}) {
  const here = new URL(href);
  const params = new URLSearchParams();
  params.set('next', here.pathname + here.search);
  if (lang !== 'ja') {
    params.set('lang', lang);
  }
  if (reason) {
    params.set('reason', reason);
  }
  return `${LOGIN_PAGE}?${params.toString()}`;
}

/** The page to open after signing in, carrying the language chosen on the sign-in page. */
export function afterLogin(next, lang) {
  const url = new URL(next, 'http://same.invalid');
  if (lang === 'en') {
    url.searchParams.set('lang', 'en');
  } else {
    url.searchParams.delete('lang');
  }
  return url.pathname + url.search + url.hash;
}

/** The i18n key for a refused sign-in: by the server's error code, then by status. */
export function loginErrorKey(status, errorCode) {
  if (status === 429) {
    return 'login.error.too_many';
  }
  if (status === 401 && errorCode === 'account_locked') {
    return 'login.error.account_locked';
  }
  if (status === 401) {
    return 'login.error.wrong_credentials';
  }
  if (status === 400) {
    return 'login.error.missing';
  }
  if (status === 0) {
    return 'login.error.network';
  }
  return 'login.error.other';
}

/** Whether an account from api/me may read the register (admin, HQ or planner). */
export function canReadRegister(me, readerRoles) {
  return Boolean(me && Array.isArray(me.roles) && me.roles.some((r) => readerRoles.includes(r.role)));
}

/**
 * The district a district-scoped reader is limited to, or null for municipality-wide readers
 * (the same rule as the server's: any wide reader grant wins).
 */
export function scopedDistrict(me, readerRoles) {
  const grants = (me && me.roles ? me.roles : []).filter((r) => readerRoles.includes(r.role));
  if (grants.length === 0 || grants.some((r) => r.district_id === null || r.district_id === undefined)) {
    return null;
  }
  return String(grants[0].district_id);
}

/**
 * POSTs JSON and answers `{status, body}` (body parsed when JSON, else null); status 0 when the
 * server cannot be reached. Never throws for an HTTP status.
 */
export async function postJson(url, payload, { csrf = null, fetchImpl = globalThis.fetch } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrf) {
    headers['X-CSRF-Token'] = csrf;
  }
  let response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      credentials: 'same-origin',
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
  return { status: response.status, body, detail: `HTTP ${response.status}` };
}
