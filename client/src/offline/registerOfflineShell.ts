/**
 * Registers the service worker that keeps the app shell for offline reloads (see
 * client/build/offlineShellPlugin.ts). Production builds only: in development Vite serves
 * unhashed modules that must never be cached.
 */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // No service worker (private mode, an old browser): reloading offline is not possible, all else works.
  });
}
