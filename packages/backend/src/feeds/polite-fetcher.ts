import { PactwatchError } from '@pactwatch/domain';
import type { FeedConfig } from '../config/config.js';

/** How a fetcher behaves; `FeedConfig` (environment) plus the fixed limits. */
export interface FetchOptions extends FeedConfig {
  readonly maxRedirects: number;
  readonly userAgent: string;
}

export const MAX_REDIRECTS = 5;
export const USER_AGENT = 'pactwatch-feed-watcher/1 (+https://github.com/pactwatch/pactwatch; polite: conditional GET, per-host rate limit)';

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchResult =
  | { readonly kind: 'not-modified'; readonly finalUrl: string }
  | { readonly kind: 'ok'; readonly finalUrl: string; readonly body: Buffer; readonly contentType: string | null; readonly etag: string | null; readonly lastModified: string | null };

/** A failure worth another attempt (network error, 5xx, 429), with the server's Retry-After if any. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * Spaces requests to one host by at least the interval. Each caller reserves the next free slot
 * before waiting, so concurrent polls of feeds on the same host queue up instead of bursting.
 */
export class HostGate {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> } = { now: () => Date.now(), sleep },
  ) {}

  async wait(host: string): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + this.intervalMs);
    if (at > now) await this.clock.sleep(at - now);
  }
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}

/**
 * Fetches feeds politely: conditional GET, a per-host interval, a timeout per request, retries
 * with exponential backoff on network errors, 5xx and 429 (honouring Retry-After up to a cap),
 * a size cap enforced while the body streams in, and at most five redirects with loops detected.
 * Timeouts are not retried: a slow server would otherwise hold a poll for several timeouts.
 */
export class PoliteFetcher {
  constructor(
    private readonly options: FetchOptions,
    private readonly gate: HostGate = new HostGate(options.hostIntervalMs),
  ) {}

  async fetch(url: string, validators: Validators): Promise<FetchResult> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.followRedirects(url, validators);
      } catch (error) {
        if (!(error instanceof Transient)) throw error;
        if (attempt >= this.options.retries) {
          throw new PactwatchError('FEED_UNREACHABLE', `the feed ${url} failed after ${attempt + 1} attempt(s): ${error.message}`);
        }
        const backoff = this.options.retryDelayMs * 2 ** attempt;
        await sleep(error.retryAfterMs === undefined ? backoff : Math.min(Math.max(error.retryAfterMs, backoff), this.options.maxRetryAfterMs));
      }
    }
  }

  private async followRedirects(url: string, validators: Validators): Promise<FetchResult> {
    const visited = new Set<string>();
    let current = this.checkUrl(url, url);
    for (let hop = 0; ; hop += 1) {
      visited.add(current.href);
      const response = await this.request(url, current, validators);
      if (response.kind !== 'redirect') return response;
      const next = this.checkUrl(response.location, url, current);
      if (visited.has(next.href)) throw new PactwatchError('FEED_UNREACHABLE', `the feed ${url} redirects in a loop (${current.href} → ${next.href})`);
      if (hop + 1 > this.options.maxRedirects) throw new PactwatchError('FEED_UNREACHABLE', `the feed ${url} redirected more than ${this.options.maxRedirects} times (last to ${next.href})`);
      current = next;
    }
  }

  private checkUrl(raw: string, feedUrl: string, base?: URL): URL {
    let parsed: URL;
    try {
      parsed = new URL(raw, base);
    } catch {
      throw new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} has an unreadable URL or redirect target "${raw}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} leads to ${parsed.protocol} URL ${parsed.href}; only http and https are fetched`);
    }
    return parsed;
  }

  /** One request and its body, within the timeout and the size cap. */
  private async request(feedUrl: string, target: URL, validators: Validators): Promise<FetchResult | { kind: 'redirect'; location: string }> {
    await this.gate.wait(target.host);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const seconds = this.options.timeoutMs / 1000;
    try {
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' };
      if (validators.etag !== null) headers['if-none-match'] = validators.etag;
      if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
      let response: Response;
      try {
        response = await fetch(target, { redirect: 'manual', headers, signal: controller.signal });
      } catch (error) {
        if (timedOut) throw new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} did not answer within ${seconds} s (PACTWATCH_FEED_TIMEOUT_SECONDS)`);
        throw new Transient(`network error: ${describeCause(error)}`, undefined);
      }
      const status = response.status;
      if (status >= 300 && status < 400 && status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null) throw new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} answered ${status} without a Location header`);
        return { kind: 'redirect', location };
      }
      if (status === 304) {
        await response.body?.cancel();
        return { kind: 'not-modified', finalUrl: target.href };
      }
      if (status === 429 || status >= 500) {
        await response.body?.cancel();
        throw new Transient(`HTTP ${status} from ${target.href}`, retryAfterMs(response.headers.get('retry-after'), Date.now()));
      }
      if (status < 200 || status >= 300) {
        await response.body?.cancel();
        throw new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} answered HTTP ${status} (${response.statusText || 'error'}) from ${target.href}`);
      }
      const body = await this.readCapped(feedUrl, response, controller, () => timedOut);
      return { kind: 'ok', finalUrl: target.href, body, contentType: response.headers.get('content-type'), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    } finally {
      clearTimeout(timer);
    }
  }

  private async readCapped(feedUrl: string, response: Response, controller: AbortController, timedOut: () => boolean): Promise<Buffer> {
    const cap = this.options.maxBytes;
    const tooLarge = (size: string): PactwatchError => new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} is larger than the ${cap}-byte cap (${size}; PACTWATCH_FEED_MAX_MB); not read`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > cap) {
      controller.abort();
      throw tooLarge(`Content-Length ${declared}`);
    }
    if (response.body === null) return Buffer.alloc(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > cap) {
          // Stop the transfer: the rest is never downloaded.
          controller.abort();
          throw tooLarge(`over ${cap} bytes received`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof PactwatchError) throw error;
      if (timedOut()) throw new PactwatchError('FEED_UNREACHABLE', `the feed ${feedUrl} did not finish sending within ${this.options.timeoutMs / 1000} s (PACTWATCH_FEED_TIMEOUT_SECONDS)`);
      throw new Transient(`the connection broke while reading: ${describeCause(error)}`, undefined);
    }
    return Buffer.concat(chunks);
  }
}

/** The body as text: charset from Content-Type, else the XML declaration, else UTF-8. */
export function decodeBody(body: Buffer, contentType: string | null): string {
  const declared = /charset\s*=\s*"?([A-Za-z0-9_.:-]+)/i.exec(contentType ?? '')?.[1] ?? /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    // An unknown charset label: UTF-8 is the XML default.
    return new TextDecoder('utf-8').decode(body);
  }
}
