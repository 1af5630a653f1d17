import { ApiError, toApiError } from './problem.js';

export const API = '/api/v1';
const CSRF_KEY = 'pactwatch.csrf';

/**
 * The CSRF token is returned once at login (the server keeps only its hash), so it is kept in
 * localStorage: every tab and a reload can still write. A script that could read it could also
 * send requests from the page, so this adds no exposure the session cookie does not already have.
 */
export const csrfStore = {
  get: (): string | null => (typeof localStorage === 'undefined' ? null : localStorage.getItem(CSRF_KEY)),
  set: (token: string | null): void => {
    if (typeof localStorage === 'undefined') return;
    if (token === null) localStorage.removeItem(CSRF_KEY);
    else localStorage.setItem(CSRF_KEY, token);
  },
};

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Readonly<Record<string, QueryValue>>;

/** Builds `path?query`, leaving out empty values; arrays repeat as comma-separated lists. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

export interface ApiResponse<T> {
  readonly data: T;
  readonly etag: string | null;
  readonly status: number;
  readonly headers: Headers;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 304) return null;
  const text = await response.text();
  if (text === '') return null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export interface SendOptions {
  readonly ifMatch?: string | null;
  readonly signal?: AbortSignal;
}

/** One request to the API: JSON in, JSON out, problem+json turned into an ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, options: SendOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = csrfStore.get();
    if (csrf !== null) headers['x-csrf-token'] = csrf;
  }
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['if-match'] = options.ifMatch;
  const url = path.startsWith('/') ? path : `${API}/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: isForm ? (body as FormData) : JSON.stringify(body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', `the server could not be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  const data = await readBody(response);
  if (!response.ok) throw toApiError(response.status, data, response.statusText);
  return { data: data as T, etag: response.headers.get('etag'), status: response.status, headers: response.headers };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', withQuery(path, query), undefined, signal === undefined ? {} : { signal }),
  post: <T>(path: string, body?: unknown, options?: SendOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: SendOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: SendOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: SendOptions) => request<T>('DELETE', path, undefined, options),
};

/** A keyset page as every list endpoint returns it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export { ApiError };
