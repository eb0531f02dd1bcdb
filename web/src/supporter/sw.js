// The supporter page's service worker: it keeps the page's own files (HTML, script, style, icons,
// the manifest and Leaflet's images; all of this origin) in a cache named after the build, so the
// page opens without signal. It answers only those files, from the cache first; everything else,
// the API above all (personal data), goes to the network untouched and is never cached here. A new
// build installs a new cache and deletes the old ones.

/* global __PRECACHE__, __VERSION__ */
const CACHE = `mimamori-supporter-${__VERSION__}`;
const FILES = __PRECACHE__;
const scopeUrl = new URL(self.registration.scope);
const base = new URL('./', scopeUrl);
const PRECACHED = new Set(FILES.map((f) => new URL(f, base).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, base).href, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mimamori-supporter-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  url.search = ''; // supporter.html?lang=en is the same file
  url.hash = '';
  if (url.origin !== base.origin || !PRECACHED.has(url.href)) {
    return; // the network, as if there were no worker
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(url.href).then((hit) => hit || fetch(request))),
  );
});
