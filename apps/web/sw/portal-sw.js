/* 连心 residents' portal service worker (issue 17): installable; without signal a page in Chinese
 * says so instead of the browser's error. Submissions are not queued. Built by pwa-plugin.ts. */
const VERSION = __VERSION__;
const CACHE = `lx-portal-${VERSION}`;
const OFFLINE = '/m/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([OFFLINE, '/m/manifest.webmanifest', '/m/icon-192.png'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lx-portal-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.mode !== 'navigate') return;
  event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
});
