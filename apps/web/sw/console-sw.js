/* 连心 console service worker (issue 17): the field pages work without signal.
 * Built by pwa-plugin.ts, which fills in VERSION and PRECACHE (the console shell and the field pages' chunks). */
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const SHELL = `lx-shell-${VERSION}`;
const ASSETS = 'lx-assets';
const API = 'lx-api';
// Reference data read offline; never personal-data reveals, downloads, exports or event streams.
const API_READS = /^\/api\/(auth\/me|areas|categories|campaigns|households|stationing\/assignments|diary|visits|tags)(\/|$)/;
const API_NEVER = /personal-data|\/photos\/|\.xlsx$|\.pdf$|\/stream|\/export|\/template/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lx-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Signing out forgets the cached answers (they belong to the user who read them).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'clear-api') event.waitUntil(caches.delete(API));
});

/** Network first; the last good answer when there is no signal. */
async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      caches.open(cacheName).then((cache) => cache.put(fallbackUrl || request, copy));
    }
    return response;
  } catch (error) {
    const cached = (await caches.match(fallbackUrl || request)) || (fallbackUrl ? await caches.match('/') : undefined);
    if (cached) return cached;
    throw error;
  }
}

/** Cache first: built assets carry a content hash, so a cached one is never stale. */
async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(ASSETS).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The residents' portal has its own worker (/m/sw.js).
  if (url.pathname === '/m' || url.pathname.startsWith('/m/')) return;
  // The API's own pages (OpenAPI docs, downloads opened in a tab) are never the console shell.
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, SHELL, '/'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    // A read that must come from the server (a conflict's current version) is never answered from the cache.
    if (request.cache === 'no-store') return;
    if (API_READS.test(url.pathname) && !API_NEVER.test(url.pathname)) event.respondWith(networkFirst(request, API));
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
