import { ApiError } from '../../api/client';
import { activeLocale } from '../../i18n/i18n';

/** GET that a newer viewport can cancel (the shared client has no AbortSignal); same errors as api.get. */
export async function abortableGet<T>(path: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { 'x-lianxin-locale': activeLocale() }, signal });
  const payload = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : {};
  if (!response.ok) throw new ApiError(response.status, payload.title ?? response.statusText, payload.code, payload.errors ?? []);
  return payload as T;
}
