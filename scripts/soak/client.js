// The soak test's HTTP client: every response counted by kind and status, latency per kind.

import { percentile, round } from './support.js';

export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.byKind = new Map();
    this.errors = [];
    this.inFlight = 0;
  }

  stats(kind) {
    let s = this.byKind.get(kind);
    if (s === undefined) {
      s = { statuses: {}, latencies: [], networkErrors: 0 };
      this.byKind.set(kind, s);
    }
    return s;
  }

  /**
   * One request. Any answer other than 2xx (or 304 where `ok` allows it) is an error, recorded
   * with its body; a network error too. Returns { status, headers, body } or null on a network error.
   */
  async request(kind, method, path, { token, body, headers = {}, ok = (s) => s >= 200 && s < 300 } = {}) {
    const s = this.stats(kind);
    const h = { ...headers };
    if (token !== undefined) h.authorization = `Bearer ${token}`;
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    this.inFlight += 1;
    const t0 = performance.now();
    try {
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers: h, body: payload, signal: AbortSignal.timeout(60_000) });
      const text = await response.text();
      s.latencies.push(performance.now() - t0);
      s.statuses[response.status] = (s.statuses[response.status] ?? 0) + 1;
      let json = null;
      try {
        json = text === '' ? null : JSON.parse(text);
      } catch {
        json = null;
      }
      if (!ok(response.status)) this.errors.push({ kind, method, path, status: response.status, body: text.slice(0, 500), at: new Date().toISOString() });
      return { status: response.status, headers: response.headers, body: json };
    } catch (error) {
      s.networkErrors += 1;
      this.errors.push({ kind, method, path, network: String(error?.cause?.code ?? error?.message ?? error), at: new Date().toISOString() });
      return null;
    } finally {
      this.inFlight -= 1;
    }
  }

  summary() {
    const out = {};
    for (const [kind, s] of [...this.byKind.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...s.latencies].sort((x, y) => x - y);
      out[kind] = { requests: sorted.length + s.networkErrors, statuses: s.statuses, networkErrors: s.networkErrors, p50Ms: round(percentile(sorted, 0.5), 1), p99Ms: round(percentile(sorted, 0.99), 1), maxMs: round(sorted[sorted.length - 1], 1) };
    }
    return out;
  }
}
