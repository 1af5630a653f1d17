import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { RouterProvider } from '../src/router/router.js';
import { SessionProvider } from '../src/session/session.js';

export interface FakeRoute {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export interface FakeApi {
  /** Every request seen, as "METHOD /path?query". */
  readonly calls: string[];
  readonly bodies: unknown[];
  restore(): void;
}

/**
 * Replaces fetch with answers keyed by "METHOD /path" (query ignored unless the key has one).
 * Unknown requests answer 404 problem+json, as the server would.
 */
export function fakeApi(routes: Readonly<Record<string, FakeRoute | ((url: URL, body: unknown) => FakeRoute)>>): FakeApi {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    calls.push(`${method} ${url.pathname}${url.search}`);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    bodies.push(body);
    const route = routes[`${method} ${url.pathname}${url.search}`] ?? routes[`${method} ${url.pathname}`];
    const answer = typeof route === 'function' ? route(url, body) : route;
    if (answer === undefined) {
      return new Response(JSON.stringify({ code: 'NOT_FOUND', detail: `no fake for ${method} ${url.pathname}`, status: 404 }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    }
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...(answer.headers ?? {}) } });
  }) as typeof fetch;
  return { calls, bodies, restore: () => void (globalThis.fetch = original) };
}

export const ME = {
  viewer: { kind: 'user', id: 'u-v', name: 'vera', role: 'viewer' },
  analyst: { kind: 'user', id: 'u-a', name: 'ana', role: 'analyst' },
  admin: { kind: 'user', id: 'u-x', name: 'adam', role: 'admin' },
} as const;

/** Renders inside the router and session providers at `path`. */
export function renderAt(path: string, ui: ReactElement): RenderResult {
  window.history.replaceState(null, '', path);
  return render(
    <RouterProvider>
      <SessionProvider>{ui}</SessionProvider>
    </RouterProvider>,
  );
}
