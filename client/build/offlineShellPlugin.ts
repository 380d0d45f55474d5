/**
 * Emits `sw.js`, a service worker that keeps the built app shell (index.html and every
 * emitted script, stylesheet and font) so that an editor can reload a deck page while the
 * server is unreachable; the deck itself then comes from IndexedDB. The worker's text holds
 * this build's file list, so each build installs as a new version and drops the old cache.
 *
 * It answers only page navigations (network first, the cached shell when the network
 * fails) and the built files (cache first; their names carry a content hash). API calls,
 * images and websockets never pass through it.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const WORKER = String.raw`
const VERSION = __VERSION__;
const FILES = __FILES__;
const CACHE = 'tussenstand-shell-' + VERSION;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([SHELL, ...FILES])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key.startsWith('tussenstand-shell-') && key !== CACHE).map((key) => caches.delete(key)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/api/')) return;
    event.respondWith(fetch(request).catch(() => caches.match(SHELL, { cacheName: CACHE }).then((hit) => hit || Response.error())));
    return;
  }
  if (FILES.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
  }
});
`;

export function offlineShellPlugin(): Plugin {
  return {
    name: 'tussenstand-offline-shell',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => /\.(js|css|woff2|svg|png)$/.test(name) && name !== 'sw.js')
        .map((name) => `/${name}`)
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: WORKER.replace('__VERSION__', JSON.stringify(version)).replace('__FILES__', JSON.stringify(files)),
      });
    },
  };
}
