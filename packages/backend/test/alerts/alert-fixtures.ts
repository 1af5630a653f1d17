import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach } from 'vitest';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The signature checked as a receiver would: HMAC-SHA256 of timestamp + "." + body. */
  readonly signatureValid: boolean;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
}

/**
 * A webhook receiver on 127.0.0.1 (port 0). `statuses` are the answers to the first requests in
 * turn (then 204), so a test can make it fail a few times before it accepts.
 */
export async function webhookReceiver(secret: string, statuses: readonly number[] = []): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers = [...statuses];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-pactwatch-timestamp'] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
      const given = Buffer.from(String(request.headers['x-pactwatch-signature'] ?? ''));
      received.push({ headers: request.headers, body, signatureValid: given.length === expected.length && timingSafeEqual(given, expected) });
      response.statusCode = answers.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

export interface SunkMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

/** Decodes what nodemailer encodes: quoted-printable bodies and RFC 2047 encoded-word subjects. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeHeader(value: string): string {
  return value.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head)?.[1] ?? '';
  const qp = /Content-Transfer-Encoding: quoted-printable/i.test(head);
  const base64 = /Content-Transfer-Encoding: base64/i.test(head);
  const text = qp ? decodeQuotedPrintable(body) : base64 ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject: decodeHeader(subject).trim(), text };
}

/** An SMTP sink on 127.0.0.1 (port 0) keeping every message it is given. */
export async function smtpSink(): Promise<{ readonly url: string; readonly messages: SunkMail[] }> {
  const messages: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = session.envelope;
        const from = envelope.mailFrom === false ? '' : envelope.mailFrom.address;
        messages.push({ from, to: envelope.rcptTo.map((r) => r.address), ...parseMessage(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, messages };
}

/** A CN → US incident that breaches the test agreement's commitment (after it was signed). */
export function breachRecord(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Incident ${id}`,
    summary: 'Theft of trade secrets.',
    period: { start: '2017-04' },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 90, basis: 'indictment', attributedBy: 'DOJ', sources: [{ publisher: 'DOJ', title: 'Indictment' }] }],
    victims: [{ state: 'US', category: 'private-sector' }],
    sources: [{ publisher: 'Wire', title: `Report on ${id}` }],
    provenance: { origin: 'added', note: 'alert test' },
    ...overrides,
  };
}
