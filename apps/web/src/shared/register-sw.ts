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

/** Forgets the API answers the console's worker kept (on sign-out: they belong to the user who read them). */
export function clearCachedAnswers(): void {
  if (!('caches' in window)) return;
  void caches.delete('lx-api').catch(() => undefined);
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-api' });
}
