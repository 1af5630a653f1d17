import { HostGate, loadConfig, MAX_REDIRECTS, PoliteFetcher, USER_AGENT, type FetchOptions } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { conditional, fixtureServer, rss, serve } from './fixture-server.js';

const OPTIONS: FetchOptions = { timeoutMs: 500, maxBytes: 64 * 1024, hostIntervalMs: 0, retries: 2, retryDelayMs: 5, maxRetryAfterMs: 50, pollMinutes: 30, maxRedirects: MAX_REDIRECTS, userAgent: USER_AGENT };
const NO_VALIDATORS = { etag: null, lastModified: null };
const DOC = rss([{ id: 'a', title: 'A', text: 'a' }]);

describe('polite fetcher', () => {
  it('sends a pactwatch User-Agent, returns the validators, and sends them back (304 → not modified)', async () => {
    const server = await fixtureServer();
    server.route('/feed', conditional(DOC, '"abc"', 'Tue, 10 Jun 2025 09:00:00 GMT'));
    const fetcher = new PoliteFetcher(OPTIONS);
    const first = await fetcher.fetch(server.url('/feed'), NO_VALIDATORS);
    expect(first).toMatchObject({ kind: 'ok', etag: '"abc"', lastModified: 'Tue, 10 Jun 2025 09:00:00 GMT' });
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^pactwatch/);
    const second = await fetcher.fetch(server.url('/feed'), { etag: '"abc"', lastModified: 'Tue, 10 Jun 2025 09:00:00 GMT' });
    expect(second.kind).toBe('not-modified');
    expect(server.requests[1]?.headers).toMatchObject({ 'if-none-match': '"abc"', 'if-modified-since': 'Tue, 10 Jun 2025 09:00:00 GMT' });
  });

  it('follows redirects up to five, and refuses loops and longer chains naming the feed', async () => {
    const server = await fixtureServer();
    for (let i = 1; i <= 7; i += 1) server.route(`/r${i}`, (_req, res) => res.writeHead(302, { location: `/r${i + 1}` }).end());
    server.route('/r8', serve(DOC));
    server.route('/r3', (_req, res) => res.writeHead(301, { location: '/r8' }).end());
    const fetcher = new PoliteFetcher(OPTIONS);
    expect(await fetcher.fetch(server.url('/r1'), NO_VALIDATORS)).toMatchObject({ kind: 'ok', finalUrl: server.url('/r8') });
    // r4 → r5 → r6 → r7 → r8 is fine; a chain of six is not.
    server.route('/long1', (_req, res) => res.writeHead(302, { location: '/long2' }).end());
    for (let i = 2; i <= 6; i += 1) server.route(`/long${i}`, (_req, res) => res.writeHead(302, { location: `/long${i + 1}` }).end());
    server.route('/long7', serve(DOC));
    await expect(fetcher.fetch(server.url('/long1'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/redirected more than 5 times/) as unknown });
    server.route('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
    server.route('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
    await expect(fetcher.fetch(server.url('/loop-a'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/redirects in a loop/) as unknown });
  });

  it('gives up on a slow server after the timeout, without retrying it', async () => {
    const server = await fixtureServer();
    server.route('/slow', () => {
      // Never answers; the fixture server drops the connection after the test.
    });
    const fetcher = new PoliteFetcher({ ...OPTIONS, timeoutMs: 100 });
    await expect(fetcher.fetch(server.url('/slow'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/did not answer within 0.1 s/) as unknown });
    expect(server.requests).toHaveLength(1);
  });

  it('stops reading a response over the size cap, declared or streamed', async () => {
    const server = await fixtureServer();
    const big = 'x'.repeat(200 * 1024);
    server.route('/declared', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(big.length) }).end(big));
    server.route('/streamed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      // Chunked, no Content-Length: the cap is enforced while reading.
      res.write(big.slice(0, 100 * 1024));
      res.end(big.slice(100 * 1024));
    });
    const fetcher = new PoliteFetcher(OPTIONS);
    await expect(fetcher.fetch(server.url('/declared'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/larger than the 65536-byte cap \(Content-Length/) as unknown });
    await expect(fetcher.fetch(server.url('/streamed'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/larger than the 65536-byte cap \(over/) as unknown });
  });

  it('retries 503 and 429 with backoff (honouring Retry-After) and gives up after the retries', async () => {
    const server = await fixtureServer();
    server.route('/flaky', (_req, res, hit) => {
      if (hit === 1) res.writeHead(503).end('busy');
      else if (hit === 2) res.writeHead(429, { 'retry-after': '0' }).end('slow down');
      else serve(DOC)(_req, res, hit);
    });
    server.route('/down', (_req, res) => res.writeHead(503).end());
    const fetcher = new PoliteFetcher(OPTIONS);
    expect(await fetcher.fetch(server.url('/flaky'), NO_VALIDATORS)).toMatchObject({ kind: 'ok' });
    expect(server.requests.filter((r) => r.path === '/flaky')).toHaveLength(3);
    await expect(fetcher.fetch(server.url('/down'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/failed after 3 attempt\(s\): HTTP 503/) as unknown });
    expect(server.requests.filter((r) => r.path === '/down')).toHaveLength(3);
  });

  it('does not retry a 404, and names the status', async () => {
    const server = await fixtureServer();
    const fetcher = new PoliteFetcher(OPTIONS);
    await expect(fetcher.fetch(server.url('/missing'), NO_VALIDATORS)).rejects.toMatchObject({ code: 'FEED_UNREACHABLE', message: expect.stringMatching(/answered HTTP 404/) as unknown });
    expect(server.requests).toHaveLength(1);
  });

  it('spaces requests to one host by the interval, whoever asks; other hosts do not wait', async () => {
    const slept: number[] = [];
    const gate = new HostGate(40, { now: () => 1_000, sleep: async (ms) => { slept.push(ms); } });
    await Promise.all([gate.wait('example.org'), gate.wait('example.org'), gate.wait('example.org'), gate.wait('other.org')]);
    // The clock stands still, so each later request to the host waits one more interval.
    expect(slept).toEqual([40, 80]);
  });

  it('reads its settings from the environment with safe defaults, failing fast with the variable name', () => {
    expect(loadConfig({}, {}).feeds).toEqual({ timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, hostIntervalMs: 2_000, retries: 2, retryDelayMs: 1_000, maxRetryAfterMs: 60_000, pollMinutes: 30 });
    expect(loadConfig({}, { PACTWATCH_FEED_TIMEOUT_SECONDS: '2.5', PACTWATCH_FEED_RETRIES: '0' }).feeds).toMatchObject({ timeoutMs: 2_500, retries: 0 });
    expect(() => loadConfig({}, { PACTWATCH_FEED_RETRIES: '11' })).toThrow(/PACTWATCH_FEED_RETRIES must be a whole number from 0 to 10/);
    expect(() => loadConfig({}, { PACTWATCH_FEED_MAX_MB: '0' })).toThrow(/PACTWATCH_FEED_MAX_MB must be a positive number/);
    expect(() => loadConfig({}, { PACTWATCH_FEED_HOST_INTERVAL_SECONDS: '-1' })).toThrow(/PACTWATCH_FEED_HOST_INTERVAL_SECONDS/);
  });
});
