/**
 * Registers a service worker once the page has loaded and settled, so the worker and what it
 * precaches never compete with the first page's own downloads (issue 17's bundle budgets).
 */
export function registerServiceWorker(url: string, scope: string): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const register = () => setTimeout(() => void navigator.serviceWorker.register(url, { scope }).catch(() => undefined), 1500);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** The console worker's cache of API answers (its `API` in sw/console-sw.js). */
export const API_CACHE = 'lx-api';
/** Session storage: the user whose offline reference data this tab kept since they signed in. */
export const OFFLINE_PREPARED = 'lx-offline-prepared';

/** Forgets the API answers the console's worker kept (on sign-out: they belong to the user who read them). */
export function clearCachedAnswers(): void {
  sessionStorage.removeItem(OFFLINE_PREPARED);
  if (!('caches' in window)) return;
  void caches.delete(API_CACHE).catch(() => undefined);
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-api' });
}
