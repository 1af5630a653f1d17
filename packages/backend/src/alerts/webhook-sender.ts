import { createHmac } from 'node:crypto';

/** What one attempt to send came to; `error` says why it failed, never naming the secret. */
export type SendOutcome = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly error: string };

export const SIGNATURE_HEADER = 'X-Pactwatch-Signature';
export const TIMESTAMP_HEADER = 'X-Pactwatch-Timestamp';
export const DELIVERY_HEADER = 'X-Pactwatch-Delivery';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `timestamp + "." + body`. The timestamp is signed with the
 * body so a receiver can refuse old captures replayed later (docs/ALERTS.md shows the check).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly deliveryId: string;
  readonly body: string;
  /** Seconds since the epoch, as text. */
  readonly timestamp: string;
  readonly timeoutMs: number;
}

/**
 * The error text with the URL's user:password part removed: fetch names the whole URL when it
 * refuses one with credentials, and this text is logged and stored with the delivery.
 */
function withoutCredentials(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  if (parsed.username === '' && parsed.password === '') return text;
  const decoded = (part: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  const secrets = [parsed.password, decoded(parsed.password), parsed.username, decoded(parsed.username)].filter((s) => s !== '');
  parsed.username = '';
  parsed.password = '';
  let cleaned = text.split(url).join(parsed.href);
  for (const secret of secrets) cleaned = cleaned.split(secret).join('[Redacted]');
  return cleaned;
}

/** POSTs the payload; a 2xx answer is success, anything else (status, timeout, refused) a failure to retry. */
export async function sendWebhook(request: WebhookRequest): Promise<SendOutcome> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'pactwatch-alerts/1',
        [SIGNATURE_HEADER]: webhookSignature(request.secret, request.timestamp, request.body),
        [TIMESTAMP_HEADER]: request.timestamp,
        [DELIVERY_HEADER]: request.deliveryId,
      },
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, detail: `HTTP ${response.status}` };
    return { ok: false, error: `the webhook answered HTTP ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const name = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? `no answer within ${request.timeoutMs} ms` : error instanceof Error ? `${error.message}${cause}` : String(error);
    return { ok: false, error: `the webhook could not be reached (${withoutCredentials(name, request.url)})` };
  }
}
