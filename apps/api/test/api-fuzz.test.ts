import { ERROR_CATALOGUE } from '@pactwatch/domain';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditCount, fuzzOptions, recordSummary, snapshotStore } from '../../../packages/backend/test/fuzz/fuzz-harness.js';
import { JSON_MUTATORS, mutate } from '../../../packages/backend/test/fuzz/mutators.js';
import { createRng, type Rng } from '../../../packages/backend/test/fuzz/prng.js';
import { registeredRoutes } from '../src/build-app.js';
import { apiWorld, newIncident, type ApiWorld } from './api-harness.js';

// Every write route gets mutated and hostile bodies: the answer is a 2xx, or a 4xx problem+json
// whose stable code maps to that status; never a 5xx or a hang, and a refused request changes no
// table's row count and writes no audit entry. Seeded; `npm run fuzz` raises PACTWATCH_FUZZ_COUNT.
const options = fuzzOptions(12);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAMPLE_PARAMS: Record<string, string> = { id: 'us-cn-2015', username: 'fuzz-user', code: 'CN' };
const HOSTILE_PARAMS = ['..%2F..%2Fetc%2Fpasswd', '%00', 'a'.repeat(299), '%F0%9F%92%A5', '%C3%28', "x' or 1=1 --", '-1', '9'.repeat(40)];

const SEED_BODIES: readonly unknown[] = [
  {},
  newIncident('fuzz-incident'),
  { username: 'fuzz-new', password: 'a long enough test password', role: 'viewer' },
  { name: 'fuzz token', role: 'viewer', expiresInDays: 30 },
  { currentPassword: 'a long enough test password', newPassword: 'another long test password' },
  { incident: 'x', commitment: 'y', verdict: 'breach', reason: 'fuzz' },
  { sponsor: 'CN', relation: 'state-organ', confidence: 80, basis: 'government-attribution', attributedBy: 'Test' },
  { publisher: 'Test', title: 'Source', url: 'https://example.org/a' },
  { role: 'analyst', disabled: false },
  { reason: 'fuzz' },
];

interface Probe {
  readonly name: string;
  readonly headers: Record<string, string>;
  readonly payload?: string | Buffer;
}

const json = (payload: string | Buffer, extra: Record<string, string> = {}): Omit<Probe, 'name'> => ({ headers: { 'content-type': 'application/json', ...extra }, payload });

function multipart(filename: string, content: Buffer, format = 'csv'): Omit<Probe, 'name'> {
  const boundary = '----pactwatch-fuzz-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\n${format}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    Buffer.from(filename, 'latin1'),
    Buffer.from(`"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body };
}

/** The fixed hostile requests every write route gets. */
function hostileProbes(): Probe[] {
  const incident = JSON.stringify(newIncident('fuzz-hostile'));
  const csv = Buffer.from('Title,Date,Sponsor\nA,1/1/2020,China\n');
  return [
    { name: 'no body', headers: {} },
    { name: 'empty JSON body', ...json('') },
    { name: 'truncated JSON', ...json(incident.slice(0, incident.length / 2)) },
    { name: '10k-level nested JSON', ...json(`{"title":${'['.repeat(10_000)}${']'.repeat(10_000)}}`) },
    { name: 'body over the 1 MB limit', ...json(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })) },
    { name: '900 KB string field', ...json(JSON.stringify({ ...newIncident('fuzz-big'), summary: 'x'.repeat(900 * 1024) })) },
    { name: 'invalid UTF-8', ...json(Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])) },
    { name: 'UTF-16 body', ...json(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(incident, 'utf16le')])) },
    { name: 'NUL in strings', ...json(JSON.stringify({ ...newIncident('fuzz-nul'), title: 'a\u0000b' })) },
    { name: 'duplicated keys', ...json(`{"id":"a","id":{"x":1},"title":"t","title":[1]}`) },
    { name: '__proto__ pollution', ...json('{"__proto__":{"admin":true},"constructor":{"prototype":{"role":"admin"}}}') },
    { name: 'JSON array body', ...json('[1,2,3]') },
    { name: 'JSON scalar body', ...json('"x"') },
    { name: 'text/plain body', headers: { 'content-type': 'text/plain' }, payload: incident },
    { name: 'XML body', headers: { 'content-type': 'application/xml' }, payload: '<incident/>' },
    { name: 'form-encoded body', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'id=a&title=b' },
    { name: 'latin1 charset', ...json(Buffer.from(incident.replace('Test', 'Tést'), 'latin1'), { 'content-type': 'application/json; charset=latin1' }) },
    { name: 'ReDoS-shaped strings', ...json(JSON.stringify({ ...newIncident('fuzz-redos'), title: `${'a'.repeat(50_000)}!`, summary: `${' '.repeat(50_000)}.` })) },
    { name: 'multipart: path traversal filename', ...multipart('../../../../etc/passwd', csv) },
    { name: 'multipart: NUL and CRLF in filename', ...multipart('a\u0000b\r\nX-Evil: 1.csv', csv) },
    { name: 'multipart: 10k-character filename', ...multipart(`${'x'.repeat(10_000)}.csv`, csv) },
    { name: 'multipart: unknown format', ...multipart('a.csv', csv, 'exe') },
    { name: 'multipart: broken boundary', headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, payload: '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc' },
  ];
}

function mutatedProbe(rng: Rng, n: number): Probe {
  const seed = Buffer.from(JSON.stringify(rng.pick(SEED_BODIES)));
  const headers: Record<string, string> = { 'content-type': rng.chance(0.9) ? 'application/json' : rng.pick(['text/plain', 'application/json; charset=utf-16', 'application/octet-stream', '']) };
  if (rng.chance(0.5)) headers['if-match'] = rng.pick(['*', '"x"', 'W/"1"', '"' + 'a'.repeat(5000) + '"', '']);
  return { name: `mutant ${n}`, headers, payload: mutate(seed, JSON_MUTATORS, rng) };
}

function concreteUrl(url: string, rng: Rng, hostile: boolean): string {
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => (hostile ? rng.pick(HOSTILE_PARAMS) : (SAMPLE_PARAMS[name] ?? 'x')));
}

/** The failure text, or undefined when the answer is acceptable. */
function judge(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode >= 500) return `answered ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return undefined;
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) return `${response.statusCode} is not problem+json (${String(response.headers['content-type'])})`;
  let code: unknown;
  try {
    code = (JSON.parse(response.body) as { code?: unknown }).code;
  } catch {
    return `${response.statusCode} body is not JSON`;
  }
  if (typeof code !== 'string' || !(code in ERROR_CATALOGUE)) return `${response.statusCode} has no catalogue code (${String(code)})`;
  const expected = ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].httpStatus;
  if (expected !== response.statusCode) return `code ${code} maps to ${expected}, answered ${response.statusCode}`;
  return undefined;
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function fuzzRoutes(world: ApiWorld): Promise<{ tried: number; outcomes: Record<string, number>; failures: string[] }> {
  const rng = createRng(options.seed);
  const routes = registeredRoutes(world.app).filter((r) => WRITES.has(r.method));
  routes.push({ method: 'POST', url: '/api/v1/auth/login', access: 'public' });
  const outcomes: Record<string, number> = {};
  const failures: string[] = [];
  let tried = 0;
  for (const route of routes) {
    const probes = [...hostileProbes(), ...Array.from({ length: options.count }, (_, n) => mutatedProbe(rng, n))];
    for (const probe of probes) {
      const url = concreteUrl(route.url, rng, route.url.includes(':') && rng.chance(0.15));
      const before = await snapshotStore(world.core.db);
      const auditBefore = await auditCount(world.core.db);
      // Password and logout routes would end the admin's own access: the viewer calls them.
      const as = route.url.startsWith('/api/v1/auth/') ? (route.url.endsWith('/login') ? 'anonymous' : 'viewer') : 'admin';
      const response = await withDeadline(world.request({ method: route.method as 'POST', url, as, headers: probe.headers, ...(probe.payload === undefined ? {} : { payload: probe.payload }) }), options.capMs);
      tried += 1;
      const where = `${route.method} ${url.slice(0, 120)} ${probe.name} (seed ${options.seed})`;
      if (response === 'hang') {
        failures.push(`${where}: no answer within ${options.capMs} ms`);
        continue;
      }
      outcomes[String(response.statusCode)] = (outcomes[String(response.statusCode)] ?? 0) + 1;
      const failure = judge(response);
      if (failure !== undefined) failures.push(`${where}: ${failure}`);
      else if (response.statusCode >= 400) {
        const after = await snapshotStore(world.core.db);
        if (after !== before || (await auditCount(world.core.db)) !== auditBefore) failures.push(`${where}: ${response.statusCode} but the store changed: before ${before}; after ${after}`);
      }
    }
  }
  return { tried, outcomes, failures };
}

describe('fuzzing the API request bodies', () => {
  it('answers every mutated or hostile write with a 2xx or a coded 4xx problem, and refusals write nothing', async () => {
    const world = await apiWorld({ env: { PACTWATCH_LOGIN_MAX_ATTEMPTS: '1000000' } });
    await world.core.accounts.createUser({ username: 'fuzz-user', role: 'viewer', password: 'a long enough test password' });
    const summary = await fuzzRoutes(world);
    recordSummary({ target: 'api write routes', ...summary, slowest: { name: '', ms: 0 } });
    expect(summary.tried).toBeGreaterThan(500);
    expect(summary.failures, `fuzz seed ${options.seed}: ${summary.failures.length} failing requests`).toEqual([]);
  }, Math.max(600_000, options.count * 5_000));
});
