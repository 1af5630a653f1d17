import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface FixtureServer {
  /** An absolute URL on this server (127.0.0.1, random port). */
  url(path: string): string;
  /** Serves `path`; `hit` counts the requests to it, from 1. */
  route(path: string, handler: Handler): void;
  /** Every request received, in order. */
  readonly requests: Array<{ readonly path: string; readonly headers: IncomingHttpHeaders }>;
}

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()?.();
});

/** A local HTTP server for feed tests: loopback only, port 0, closed after each test. */
export async function fixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const handler = routes.get(path);
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    handler(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(async () => {
    // Slow handlers may still hold a response open: drop every connection, then close.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
  };
}

export interface FixtureItem {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly link?: string;
  readonly date?: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(items: readonly FixtureItem[], title = 'Fixture RSS'): string {
  const body = items
    .map((i) => `<item><title>${escape(i.title)}</title><link>${escape(i.link ?? `https://news.example/${i.id}`)}</link><guid isPermaLink="false">${escape(i.id)}</guid><pubDate>${i.date ?? 'Tue, 10 Jun 2025 09:00:00 GMT'}</pubDate><description>${escape(`<p>${i.text}</p>`)}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>https://news.example/</link><description>fixture</description>\n${body}\n</channel></rss>\n`;
}

export function atom(items: readonly FixtureItem[], title = 'Fixture Atom'): string {
  const body = items
    .map((i) => `<entry><id>${escape(i.id)}</id><title type="text">${escape(i.title)}</title><link rel="alternate" href="${escape(i.link ?? `https://atom.example/${i.id}`)}"/><published>${i.date ?? '2025-06-10T09:00:00Z'}</published><updated>2025-06-10T09:00:00Z</updated><content type="html">${escape(`<p>${i.text}</p>`)}</content></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>urn:fixture</id><updated>2025-06-10T09:00:00Z</updated>\n${body}\n</feed>\n`;
}

/** Serves a fixed document with an ETag and Last-Modified, answering 304 to a matching conditional GET. */
export function conditional(body: string, etag = '"v1"', lastModified = 'Tue, 10 Jun 2025 09:00:00 GMT', type = 'application/rss+xml; charset=utf-8'): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
  };
}

export function serve(body: string, type = 'application/rss+xml; charset=utf-8'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type }).end(body);
  };
}

/** Settings that keep the tests quick: tiny delays and timeouts, a small size cap. */
export const FAST_FEEDS: Record<string, string> = {
  PACTWATCH_FEED_TIMEOUT_SECONDS: '1',
  PACTWATCH_FEED_RETRIES: '2',
  PACTWATCH_FEED_RETRY_DELAY_SECONDS: '0.01',
  PACTWATCH_FEED_HOST_INTERVAL_SECONDS: '0',
  PACTWATCH_FEED_MAX_RETRY_AFTER_SECONDS: '0.05',
  PACTWATCH_FEED_MAX_MB: '0.0625',
};

/** Stories the extractor turns into incident candidates (sponsor, victim, activity, date). */
export const STORY_BUNDESTAG: FixtureItem = {
  id: 'story-bundestag',
  title: 'Russian military hackers breached the German parliament',
  text: 'German officials said on Tuesday that hackers of Russia\'s GRU military intelligence service broke into the Bundestag network in May 2015 and stole emails of members of parliament. Germany summoned the Russian ambassador over the cyber attack.',
};

export const STORY_OTHER: FixtureItem = {
  id: 'story-other',
  title: 'Chinese state hackers stole data from a US defence contractor',
  text: 'US prosecutors said hackers working for China\'s Ministry of State Security stole trade secrets from an American aerospace company in March 2019, an act of commercial espionage.',
};

export const NOT_A_STORY: FixtureItem = {
  id: 'no-story',
  title: 'Weather report',
  text: 'Sunny spells and light winds are expected over the weekend.',
};
