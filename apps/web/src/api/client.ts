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
async function request<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}, init: Pick<RequestInit, 'cache'> = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    method,
    credentials: 'same-origin',
    headers: { ...headers(body, method), ...extra },
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
export type ApiArgs<K extends ApiKey> = ArgsTable[K];
type ArgsOf<I> = Record<string, never> extends I ? [input?: I] : [input: I];
/** Each operation's arguments, worked out once per key (a generic lookup then stays a plain union). */
type ArgsTable = { [K in ApiKey]: ArgsOf<Flat<CallInput<Api[K]>>> };
type Flat<T> = { [P in keyof T]: T[P] };

type LooseInput = { params?: Record<string, string>; query?: Parameters<typeof query>[0]; body?: unknown } | undefined;

/** The URL of an operation's key with its path parameters and query filled in. */
function urlOf(key: string, input: LooseInput): string {
  const path = key.slice(key.indexOf(' ') + 1).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(input?.params?.[name] ?? '')));
  return path + (input?.query ? query(input.query) : '');
}

/** The URL of operation `K` with its path parameters and query filled in (also for download links). */
export function apiUrl<K extends ApiKey, A extends ApiArgs<K>>(key: K, ...args: A): string {
  const [input] = args as unknown[];
  return urlOf(key, input as LooseInput);
}

/** Calls operation `K`, typed both ways by its contract: the input it takes and the answer it gives. */
export function call<K extends ApiKey, A extends ApiArgs<K>>(key: K, ...args: A): Promise<ApiResponse<K>> {
  const [first] = args as unknown[];
  const input = first as LooseInput;
  const method = key.slice(0, key.indexOf(' '));
  return request<ApiResponse<K>>(method, urlOf(key, input), input?.body ?? (method === 'POST' ? {} : undefined));
}

/**
 * Reads operation `K` from the server itself, never from a cache (the console's service worker
 * answers reads from its cache when the network fails): what a conflict is resolved against.
 */
export function callFresh<K extends GetKey, A extends ApiArgs<K>>(key: K, ...args: A): Promise<ApiResponse<K>> {
  const [first] = args as unknown[];
  return request<ApiResponse<K>>('GET', urlOf(key, first as LooseInput), undefined, {}, { cache: 'no-store' });
}

/** The operations whose contract says they take an `Idempotency-Key` (writes the offline queue retries). */
export type IdempotentKey = { [K in ApiKey]: Api[K] extends { idempotent: true } ? K : never }[ApiKey];

/** Calls idempotent operation `K` with the client-generated key: a retry answers the first answer. */
export function callOnce<K extends IdempotentKey, A extends ApiArgs<K>>(key: K, idempotencyKey: string, ...args: A): Promise<ApiResponse<K>> {
  const [first] = args as unknown[];
  const input = first as LooseInput;
  const method = key.slice(0, key.indexOf(' '));
  return request<ApiResponse<K>>(method, urlOf(key, input), input?.body ?? (method === 'POST' ? {} : undefined), { 'idempotency-key': idempotencyKey });
}

/** The operations that take a file upload (multipart field `file`). */
export type UploadKey = { [K in ApiKey]: Api[K] extends { multipart: true } ? K : never }[ApiKey];

/** Uploads `file` as the multipart field `file` to operation `K`; answers its contract's response. */
export function upload<K extends UploadKey>(key: K, file: Blob, fileName?: string, params?: Record<string, string>, idempotencyKey?: string): Promise<ApiResponse<K>> {
  const body = new FormData();
  if (fileName) body.append('file', file, fileName);
  else body.append('file', file);
  return request<ApiResponse<K>>(key.slice(0, key.indexOf(' ')), urlOf(key, { params }), body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
}
