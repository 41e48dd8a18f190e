import type { Api, CallInput, ResponseOf } from '@lianxin/core';
import { activeLocale } from '../i18n/i18n';

/** One invalid field of a problem+json answer. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A failed API call: the server's problem+json, already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly code: string | undefined,
    readonly fieldErrors: FieldProblem[],
  ) {
    super(title);
  }
}

let csrfToken: string | undefined;
/** Set after sign-in (from /api/auth/me); every write sends it. */
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

type Listener = () => void;
const expiryListeners = new Set<Listener>();
/** Called when a request comes back 401: the session ended (timeout or sign-out elsewhere). */
export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

function headers(body: unknown, method: string): Record<string, string> {
  const out: Record<string, string> = { 'x-lianxin-locale': activeLocale() };
  if (body !== undefined && !(body instanceof FormData)) out['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) out['x-csrf-token'] = csrfToken;
  return out;
}

/** Calls the API and returns its JSON; throws ApiError with the server's message otherwise. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: headers(body, method),
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    // Only a session the page held can expire; a first visit or a wrong password is not expiry.
    if (response.status === 401 && csrfToken && !path.startsWith('/api/auth/login')) expiryListeners.forEach((l) => l());
    const problem = (typeof payload === 'object' && payload) || {};
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.code, problem.errors ?? []);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | boolean | string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) search.set(key, value.join(','));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The key of one API operation, `METHOD /api/…` (the contracts' table in `@lianxin/core`). */
export type ApiKey = keyof Api;
/** The operations answering GET. */
export type GetKey = Extract<ApiKey, `GET ${string}`>;
/** What operation `K` answers. */
export type ApiResponse<K extends ApiKey> = ResponseOf<Api[K]>;
/** The input of operation `K`; the argument may be left out when nothing in it is required. */
export type ApiArgs<K extends ApiKey> = Record<string, never> extends CallInput<Api[K]> ? [input?: CallInput<Api[K]>] : [input: CallInput<Api[K]>];

/** The URL of operation `K` with its path parameters and query filled in (also for download links). */
export function apiUrl<K extends ApiKey>(key: K, ...[input]: ApiArgs<K>): string {
  const { params, query: q } = ((input as unknown) ?? {}) as { params?: Record<string, string>; query?: Record<string, never> };
  const path = key.slice(key.indexOf(' ') + 1).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
  return path + (q ? query(q) : '');
}

/** Calls operation `K`, typed both ways by its contract: the input it takes and the answer it gives. */
export function call<K extends ApiKey>(key: K, ...args: ApiArgs<K>): Promise<ApiResponse<K>> {
  const method = key.slice(0, key.indexOf(' '));
  const body = (args[0] as { body?: unknown } | undefined)?.body;
  return request<ApiResponse<K>>(method, apiUrl(key, ...args), body ?? (method === 'POST' ? {} : undefined));
}
