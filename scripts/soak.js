#!/usr/bin/env node
// Soak test (issue 8): minutes of mixed reads and writes at a steady rate against `pactwatch serve`
// on loopback, with background jobs running, then a check that every acknowledged write is there
// (run through `npm run soak`, which builds first; not part of CI or `npm run bench`).
//
//   node scripts/soak.js                              10 minutes per database, 50 requests/s, SQLite and PostgreSQL
//   node scripts/soak.js --minutes 1 --databases sqlite   a smoke run
//   options: --minutes N (10)  --rate R requests/s (50)  --databases sqlite,postgres
//            --out FILE (default bench/out/soak-results.json)  --seed S
//
// Per database: a fresh store with the curated dataset, one viewer, several analysts and one admin,
// each with an API token; the real CLI `pactwatch serve` in a child process with its in-process
// worker (on PostgreSQL also a separate `pactwatch worker` process sharing the pg-boss queue).
// The load is an open-loop schedule: one operation starts every 1/R s whether or not earlier ones
// have answered (a closed loop would slow down with the server and hide a backlog). Every
// operation is one request, except an override (find a finding, read its ETag, PUT: three).
// Every 2xx write is recorded and checked afterwards; any other answer or network error counts as
// an error. The server's RSS (/proc/PID/status) is sampled every 10 s. Exit code 1 on any error
// or lost write. Results: docs/RELIABILITY.md, "Soak (issue 8)".

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { builtCodeHash } from '../bench/dist-hash.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const CLI = join(ROOT, 'apps/cli/dist/main.js');
const API = '/api/v1';
const PASSWORD = 'soak-test-password-not-secret';
const SAMPLE_MS = 10_000;
/** Writes per analyst token per minute we aim to stay under (the server's default limit is 300). */
const WRITES_PER_ANALYST_PER_MINUTE = 150;
/** Requests in flight beyond which a tick is skipped and counted (a server that cannot keep up). */
const MAX_IN_FLIGHT = 256;

// ---------------------------------------------------------------------------------------------
// Arguments and small helpers

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    const positive = (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} needs a positive number, got "${v}"`);
      return n;
    };
    if (a === '--minutes') args.minutes = positive(next());
    else if (a === '--rate') args.rate = positive(next());
    else if (a === '--seed') args.seed = positive(next());
    else if (a === '--databases') args.databases = next().split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (a === '--out') args.out = next();
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown option ${a} (see the header of scripts/soak.js)`);
  }
  for (const db of args.databases ?? []) if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--databases takes sqlite and/or postgres, got "${db}"`);
  return args;
}

const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Seeded PRNG (mulberry32), so a run's sequence of operations can be repeated. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cpus: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

function git(...a) {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** RSS and its high-water mark of a process, in MiB (null once it has ended). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number(new RegExp(`${name}:\\s*(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMiB: round(kib('VmRSS') / 1024, 1), hwmMiB: round(kib('VmHWM') / 1024, 1) };
  } catch {
    return null;
  }
}

const JIFFY_MS = 10;
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * JIFFY_MS;
  } catch {
    return NaN;
  }
}
function machineBusyMs() {
  if (!existsSync('/proc/stat')) return NaN;
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return (cpu.slice(0, 8).reduce((s, x) => s + x, 0) - idle) * JIFFY_MS;
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// ---------------------------------------------------------------------------------------------
// Stores, servers and workers

/** A throwaway loopback PostgreSQL cluster with one database (as scripts/bench-api.js). */
async function postgresCluster() {
  const dir = mkdtempSync(join(os.tmpdir(), 'pactwatch-soak-pg-'));
  const url = execFileSync(join(ROOT, 'scripts/pg-cluster.sh'), ['start', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create database pactwatch_soak');
  const version = (await client.query('show server_version')).rows[0].server_version;
  await client.end();
  return { dir, url: url.replace(/\/postgres$/, '/pactwatch_soak'), version, stop: () => execFileSync(join(ROOT, 'scripts/pg-cluster.sh'), ['stop', dir]) };
}

/**
 * A fresh store with the curated dataset, evaluated, and users with tokens: one viewer, one admin
 * and `analysts` analysts (writes are rate-limited per principal, so the write load is spread).
 */
async function prepareStore(storeOptions, analysts) {
  const backend = await import('@pactwatch/backend');
  const app = await backend.openPactwatch(backend.loadConfig(storeOptions, {}));
  try {
    const load = await app.dataset.load();
    const evaluation = await app.evaluation.evaluate();
    const token = async (username, role) => {
      const { user } = await app.accounts.createUser({ username, role, password: PASSWORD });
      return (await app.auth.createToken(user.id, 'soak', role)).token;
    };
    const tokens = { viewer: await token('soak-viewer', 'viewer'), admin: await token('soak-admin', 'admin'), analysts: [] };
    for (let i = 0; i < analysts; i += 1) tokens.analysts.push(await token(`soak-analyst-${i}`, 'analyst'));
    return { tokens, dataset: { stored: load.stored, quarantined: load.quarantined, findings: evaluation.findings } };
  } finally {
    await app.close();
  }
}

const running = new Set();

/** Environment for the CLI children: ours without any PACTWATCH_* setting, plus `extra`. */
function childEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PACTWATCH_')));
  // SOAK_LOG_LEVEL=info logs every job started and finished (bench/out/soak-*-serve.log).
  return { ...env, NO_COLOR: '1', PACTWATCH_LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'warn', ...extra };
}

/**
 * Starts `pactwatch <args>` with its stderr copied to `logFile`; resolves once a stderr line
 * matches `ready` (with the match), rejects if the process exits first.
 */
function startCli(args, logFile, ready) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const log = createWriteStream(logFile);
  child.stdout.pipe(log, { end: false });
  let buffer = '';
  const first = new Promise((resolvePromise, reject) => {
    child.stderr.on('data', (chunk) => {
      log.write(chunk);
      if (buffer === null) return;
      buffer += chunk.toString('utf8');
      const m = ready.exec(buffer);
      if (m !== null) {
        buffer = null;
        resolvePromise(m);
      }
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      log.end();
      reject(new Error(`pactwatch ${args.join(' ')} exited (${code ?? signal}) before it was ready; see ${logFile}`));
    });
  });
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return { child, first, exited };
}

async function stopCli(proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 60_000);
  proc.child.kill('SIGTERM');
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

function killAll() {
  for (const child of running) child.kill('SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// The HTTP client: every response counted by kind and status, latency per kind

class Client {
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

// ---------------------------------------------------------------------------------------------
// Operations

const VICTIMS = ['US', 'GB', 'DE', 'JP', 'AU'];

/** A valid new incident (the shape of apps/api/test/api-harness.ts newIncident). */
function incidentBody(id, n, title) {
  return {
    id,
    title,
    summary: `Soak-test intrusion number ${n}.`,
    period: { start: `20${10 + (n % 12)}-0${1 + (n % 9)}` },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 60 + (n % 40), basis: 'government-attribution', attributedBy: 'Soak agency', sources: [] }],
    // Spread over five dyads (all G20 pairs, so every incident has findings to override): one pair
    // holding every soak incident would make its /dyads page ever heavier, which real data would not.
    victims: [{ state: VICTIMS[n % VICTIMS.length], category: 'private-sector' }],
    sources: [{ publisher: 'Soak', title: `Soak report ${n}` }],
    provenance: { origin: 'added', note: 'soak test' },
  };
}

/** Three CFR tracker rows with unique titles: two valid incidents and one unknown sponsor (quarantined). */
function cfrCsv(tag) {
  return [
    'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3',
    `Soak import ${tag} hopper,12/20/2018,APT 10,Text.,,"United States, Japan",China,Espionage,Private sector,https://example.org/${tag}/a,,`,
    `Soak import ${tag} wiper,8/15/2012,,Text.,,Saudi Arabia,Iran (Islamic Republic of),Data destruction,Private sector,https://example.org/${tag}/b,,`,
    `Soak import ${tag} unknown,1/5/2020,,Text.,,France,Atlantis,Espionage,Government,,,`,
  ].join('\r\n');
}

/**
 * The mix: weights per operation, drawn once per tick. Reads ≈ 70 %, analyst writes ≈ 29 %,
 * admin jobs ≈ 1 %. Operations that need an earlier write (edit, override, decide a draft) fall
 * back to creating one when nothing is waiting.
 */
const MIX = [
  ['read:agreements', 6],
  ['read:agreement', 3],
  ['read:scorecard', 6],
  ['read:scorecards', 3],
  ['read:findings-filtered', 8],
  ['read:findings-dyad', 5],
  ['read:dyads', 4],
  ['read:dyad', 4],
  ['read:trend', 2],
  ['read:incidents-page', 8],
  ['read:incidents-filtered', 6],
  ['read:incident', 6],
  ['read:audit', 4],
  ['read:jobs', 2],
  ['read:drafts', 3],
  ['write:incident-create', 8],
  ['write:incident-edit', 6],
  ['write:override', 5],
  ['write:draft-create', 5],
  ['write:draft-decide', 5],
  ['admin:evaluate', 0.5],
  ['admin:import', 0.5],
];
const MIX_TOTAL = MIX.reduce((s, [, w]) => s + w, 0);

class Workload {
  constructor(client, tokens, runTag, random) {
    this.client = client;
    this.tokens = tokens;
    this.tag = runTag;
    this.random = random;
    this.n = 0;
    this.analystTurn = 0;
    /** Writes that got no answer (network error or client timeout): not acknowledged, outcome unknown. */
    this.unknownOutcomes = 0;
    // What was acknowledged, to check afterwards.
    this.incidents = new Map(); // id → expected { title, summary, confidence }
    this.overrides = new Map(); // `${commitment}@${incident}` → { commitment, incident, verdict, note }
    this.drafts = new Map(); // draft id → { state, recordId, title, reason? }
    this.imports = []; // { jobId, tag }
    this.evaluations = []; // job ids
    // Work waiting for a later step (each item is used by exactly one operation: no 412 by design).
    this.toEdit = [];
    this.toOverride = [];
    this.pendingDrafts = [];
    this.agreementIds = [];
    this.dyadCodes = ['CN-US'];
    this.knownIncidentIds = [];
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }

  analyst() {
    this.analystTurn = (this.analystTurn + 1) % this.tokens.analysts.length;
    return this.tokens.analysts[this.analystTurn];
  }

  async warmUp() {
    const agreements = await this.client.request('setup', 'GET', `${API}/agreements?limit=500`, { token: this.tokens.viewer });
    this.agreementIds = (agreements?.body?.items ?? []).map((a) => a.id);
    const dyads = await this.client.request('setup', 'GET', `${API}/dyads`, { token: this.tokens.viewer });
    const codes = (dyads?.body?.items ?? dyads?.body ?? []).map((d) => d.dyad ?? (d.sponsor && d.victim ? `${d.sponsor}-${d.victim}` : undefined)).filter((c) => typeof c === 'string');
    if (codes.length > 0) this.dyadCodes = codes.slice(0, 20);
    const incidents = await this.client.request('setup', 'GET', `${API}/incidents?limit=200`, { token: this.tokens.viewer });
    this.knownIncidentIds = (incidents?.body?.items ?? []).map((i) => i.id);
    if (this.agreementIds.length === 0 || this.knownIncidentIds.length === 0) throw new Error('the store has no agreements or incidents: the curated dataset did not load');
  }

  async run(kind) {
    const c = this.client;
    const viewer = this.tokens.viewer;
    switch (kind) {
      case 'read:agreements':
        return c.request(kind, 'GET', `${API}/agreements?limit=50`, { token: viewer });
      case 'read:agreement':
        return c.request(kind, 'GET', `${API}/agreements/${encodeURIComponent(this.pick(this.agreementIds))}`, { token: viewer });
      case 'read:scorecard':
        return c.request(kind, 'GET', `${API}/agreements/${encodeURIComponent(this.pick(this.agreementIds))}/scorecard${this.random() < 0.2 ? '?incidents=true' : ''}`, { token: viewer });
      case 'read:scorecards':
        return c.request(kind, 'GET', `${API}/scorecards`, { token: viewer });
      case 'read:findings-filtered': {
        const verdict = this.pick(['breach', 'possible-breach', 'outside-scope', 'before-in-force']);
        const sort = this.pick(['commitment', 'incident', '-incident', 'recent']);
        return c.request(kind, 'GET', `${API}/findings?agreement=${encodeURIComponent(this.pick(this.agreementIds))}&verdict=${verdict}&sort=${sort}&limit=50`, { token: viewer });
      }
      case 'read:findings-dyad': {
        const first = await c.request(kind, 'GET', `${API}/findings?dyad=${this.pick(this.dyadCodes)}&limit=50`, { token: viewer });
        return first;
      }
      case 'read:dyads':
        return c.request(kind, 'GET', `${API}/dyads${this.random() < 0.5 ? '?from=2015-01-01' : ''}`, { token: viewer });
      case 'read:dyad':
        return c.request(kind, 'GET', `${API}/dyads/${this.pick(this.dyadCodes)}`, { token: viewer });
      case 'read:trend':
        return c.request(kind, 'GET', `${API}/agreements/${encodeURIComponent(this.pick(this.agreementIds))}/trend`, { token: viewer });
      case 'read:incidents-page': {
        // The first page, then (half the time) the next one through its cursor.
        const sort = this.pick(['start', '-start', 'id', 'title']);
        const first = await c.request(kind, 'GET', `${API}/incidents?sort=${sort}&limit=50`, { token: viewer });
        if (first?.body?.nextCursor && this.random() < 0.5) return c.request(kind, 'GET', `${API}/incidents?sort=${sort}&limit=50&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: viewer });
        return first;
      }
      case 'read:incidents-filtered': {
        const filter = this.pick(['sponsor=CN', 'victim=US', 'party=RU', 'q=soak', 'minConfidence=70', 'agreement=us-cn-2015&verdict=breach', 'from=2015-01-01&to=2019-12-31', 'activity=commercial-espionage']);
        return c.request(kind, 'GET', `${API}/incidents?${filter}&limit=50`, { token: viewer });
      }
      case 'read:incident': {
        const ids = this.random() < 0.5 && this.incidents.size > 0 ? [...this.incidents.keys()].slice(-200) : this.knownIncidentIds;
        return c.request(kind, 'GET', `${API}/incidents/${encodeURIComponent(this.pick(ids))}`, { token: viewer });
      }
      case 'read:audit':
        return c.request(kind, 'GET', `${API}/audit?limit=50${this.random() < 0.5 ? '&entityType=incident' : ''}`, { token: this.tokens.analysts[0] });
      case 'read:jobs':
        return c.request(kind, 'GET', `${API}/jobs?limit=20`, { token: this.tokens.analysts[0] });
      case 'read:drafts':
        return c.request(kind, 'GET', `${API}/drafts?state=${this.pick(['pending', 'accepted', 'rejected'])}&limit=50`, { token: this.tokens.analysts[0] });
      case 'write:incident-create':
        return this.createIncident(kind);
      case 'write:incident-edit': {
        const item = this.toEdit.shift();
        if (item === undefined) return this.createIncident('write:incident-create');
        const title = `Soak ${this.tag} incident ${item.n} (edited)`;
        const body = incidentBody(item.id, item.n, title);
        body.summary = `Edited by the soak test: number ${item.n}.`;
        const r = await c.request(kind, 'PUT', `${API}/incidents/${encodeURIComponent(item.id)}`, { token: this.analyst(), headers: { 'if-match': item.etag }, body });
        if (r !== null && r.status === 200) {
          this.incidents.set(item.id, { title, summary: body.summary, confidence: body.attributions[0].confidence });
          this.toOverride.push({ id: item.id });
        } else if (r === null) {
          // No answer (the client gave up): the edit may or may not have landed; either content is right.
          this.incidents.get(item.id).alternative = { title, summary: body.summary, confidence: body.attributions[0].confidence };
          this.unknownOutcomes += 1;
        }
        return r;
      }
      case 'write:override': {
        const item = this.toOverride.shift();
        if (item === undefined) return this.createIncident('write:incident-create');
        const token = this.analyst();
        const findings = await c.request('read:override-find', 'GET', `${API}/findings?incident=${encodeURIComponent(item.id)}&limit=1`, { token: viewer });
        const finding = findings?.body?.items?.[0];
        if (finding === undefined) {
          if (findings !== null && findings.status === 200) c.errors.push({ kind, note: `incident ${item.id} has no finding to override` });
          return findings;
        }
        const query = `commitment=${encodeURIComponent(finding.commitment)}&incident=${encodeURIComponent(item.id)}`;
        const detail = await c.request('read:finding-detail', 'GET', `${API}/findings/detail?${query}`, { token });
        const etag = detail?.headers?.get('etag');
        if (etag == null) return detail;
        const verdict = this.pick(['possible-breach', 'outside-scope']);
        const note = `Soak ${this.tag} override of ${item.id}: reviewed (${this.n}).`;
        const r = await c.request(kind, 'PUT', `${API}/findings/override`, { token, headers: { 'if-match': etag }, body: { commitment: finding.commitment, incident: item.id, verdict, note } });
        if (r !== null && r.status === 200) this.overrides.set(`${finding.commitment}@${item.id}`, { commitment: finding.commitment, incident: item.id, verdict, note });
        return r;
      }
      case 'write:draft-create': {
        this.n += 1;
        const id = `soak-${this.tag}-draft-${this.n}`;
        const title = `Soak ${this.tag} draft ${this.n}`;
        const r = await c.request(kind, 'POST', `${API}/drafts`, { token: this.analyst(), body: { record: incidentBody(id, this.n, title), confidence: 50, notes: 'soak' } });
        if (r !== null && r.status === 201) {
          this.drafts.set(r.body.id, { state: 'pending', recordId: id, title });
          this.pendingDrafts.push(r.body.id);
        }
        return r;
      }
      case 'write:draft-decide': {
        const draftId = this.pendingDrafts.shift();
        if (draftId === undefined) return this.run('write:draft-create');
        const draft = this.drafts.get(draftId);
        if (this.random() < 0.5) {
          const r = await c.request('write:draft-accept', 'POST', `${API}/drafts/${draftId}/accept`, { token: this.analyst() });
          if (r === null) {
            draft.alternativeState = 'accepted';
            this.unknownOutcomes += 1;
          }
          if (r !== null && r.status === 201) {
            draft.state = 'accepted';
            this.incidents.set(draft.recordId, { title: draft.title, summary: `Soak-test intrusion number ${draft.recordId.split('-').pop()}.`, confidence: undefined });
          }
          return r;
        }
        const reason = `Soak ${this.tag}: duplicate of nothing (${draftId}).`;
        const r = await c.request('write:draft-reject', 'POST', `${API}/drafts/${draftId}/reject`, { token: this.analyst(), body: { reason } });
        if (r !== null && r.status === 200) {
          draft.state = 'rejected';
          draft.reason = reason;
        } else if (r === null) {
          draft.alternativeState = 'rejected';
          draft.reason = reason;
          this.unknownOutcomes += 1;
        }
        return r;
      }
      case 'admin:evaluate': {
        const full = this.evaluations.length % 2 === 1;
        const r = await c.request(kind, 'POST', `${API}/evaluations`, { token: this.tokens.admin, body: { full } });
        if (r !== null && r.status === 202) this.evaluations.push(r.body.id);
        return r;
      }
      case 'admin:import': {
        this.n += 1;
        const tag = `${this.tag}-${this.n}`;
        const form = new FormData();
        form.set('format', 'csv');
        form.set('mapping', 'cfr');
        form.set('dataset', 'soak');
        form.set('file', new Blob([cfrCsv(tag)], { type: 'text/csv' }), `soak-${tag}.csv`);
        const r = await c.request(kind, 'POST', `${API}/imports`, { token: this.tokens.admin, body: form });
        if (r !== null && r.status === 202) this.imports.push({ jobId: r.body.id, tag });
        return r;
      }
      default:
        throw new Error(`unknown operation ${kind}`);
    }
  }

  async createIncident(kind) {
    this.n += 1;
    const n = this.n;
    const id = `soak-${this.tag}-incident-${n}`;
    const title = `Soak ${this.tag} incident ${n}`;
    const body = incidentBody(id, n, title);
    const r = await this.client.request(kind, 'POST', `${API}/incidents`, { token: this.analyst(), body });
    if (r !== null && r.status === 201) {
      this.incidents.set(id, { title, summary: body.summary, confidence: body.attributions[0].confidence });
      // Half are edited once (then overridden), half overridden directly: each item is used once.
      if (n % 2 === 0) this.toEdit.push({ id, n, etag: r.headers.get('etag') });
      else this.toOverride.push({ id });
    }
    return r;
  }

  draw() {
    let x = this.random() * MIX_TOTAL;
    for (const [kind, w] of MIX) {
      x -= w;
      if (x < 0) return kind;
    }
    return MIX[MIX.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// After the load: wait for jobs, then check every acknowledged write

async function waitForJobs(client, token, ids, deadlineMs) {
  const states = new Map();
  const deadline = Date.now() + deadlineMs;
  let open = [...new Set(ids)];
  while (open.length > 0 && Date.now() < deadline) {
    const still = [];
    for (const id of open) {
      const r = await client.request('verify:job', 'GET', `${API}/jobs/${id}`, { token });
      const state = r?.body?.state;
      states.set(id, r?.body ?? null);
      if (state !== 'completed' && state !== 'failed' && state !== 'cancelled') still.push(id);
    }
    open = still;
    if (open.length > 0) await sleep(1000);
  }
  return states;
}

/** Every job the server knows, to count what ran (including evaluations queued by writes and imports). */
async function allJobs(client, token) {
  const jobs = [];
  let cursor = null;
  for (let i = 0; i < 200; i += 1) {
    const r = await client.request('verify:jobs-list', 'GET', `${API}/jobs?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    if (r === null || r.status !== 200) break;
    jobs.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) break;
  }
  return jobs;
}

async function pool(items, concurrency, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (i < items.length) {
      const item = items[i];
      i += 1;
      await fn(item);
    }
  }));
}

async function verify(client, workload) {
  const lost = [];
  const t = workload.tokens;
  // Jobs first: imports store incidents and evaluations rewrite findings.
  const jobIds = [...workload.imports.map((x) => x.jobId), ...workload.evaluations];
  const jobStates = await waitForJobs(client, t.analysts[0], jobIds, 10 * 60_000);
  // Then the queue must drain: evaluations and refreshes queued by the writes themselves.
  const drainDeadline = Date.now() + 10 * 60_000;
  let jobs = await allJobs(client, t.analysts[0]);
  while (jobs.some((j) => ['created', 'active', 'retry'].includes(j.state)) && Date.now() < drainDeadline) {
    await sleep(2000);
    jobs = await allJobs(client, t.analysts[0]);
  }

  await pool([...workload.incidents.entries()], 8, async ([id, expected]) => {
    const r = await client.request('verify:incident', 'GET', `${API}/incidents/${encodeURIComponent(id)}`, { token: t.viewer });
    if (r === null || r.status !== 200) return lost.push({ what: 'incident', id, status: r?.status ?? 'network' });
    const got = r.body;
    const mismatch = [];
    // An edit that got no answer may have landed: its content is as right as the acknowledged one.
    if (expected.alternative !== undefined && got.title === expected.alternative.title) expected = expected.alternative;
    if (got.title !== expected.title) mismatch.push(`title "${got.title}" ≠ "${expected.title}"`);
    if (got.summary !== expected.summary) mismatch.push(`summary "${got.summary}" ≠ "${expected.summary}"`);
    if (expected.confidence !== undefined && got.attributions?.[0]?.confidence !== expected.confidence) mismatch.push(`confidence ${got.attributions?.[0]?.confidence} ≠ ${expected.confidence}`);
    if (mismatch.length > 0) lost.push({ what: 'incident content', id, mismatch });
  });
  await pool([...workload.overrides.values()], 8, async (o) => {
    const r = await client.request('verify:override', 'GET', `${API}/findings/detail?commitment=${encodeURIComponent(o.commitment)}&incident=${encodeURIComponent(o.incident)}`, { token: t.viewer });
    const got = r?.body?.override;
    if (r === null || r.status !== 200 || got == null) return lost.push({ what: 'override', key: `${o.commitment}@${o.incident}`, status: r?.status ?? 'network', got: got ?? null });
    if (got.verdict !== o.verdict || got.note !== o.note) lost.push({ what: 'override content', key: `${o.commitment}@${o.incident}`, got: { verdict: got.verdict, note: got.note }, expected: { verdict: o.verdict, note: o.note } });
  });
  await pool([...workload.drafts.entries()], 8, async ([id, d]) => {
    const r = await client.request('verify:draft', 'GET', `${API}/drafts/${id}`, { token: t.analysts[0] });
    if (r === null || r.status !== 200) return lost.push({ what: 'draft', id, status: r?.status ?? 'network' });
    // A decision that got no answer may have landed (then the draft is decided, not pending).
    const state = d.alternativeState !== undefined && r.body.state === d.alternativeState ? d.alternativeState : d.state;
    if (r.body.state !== state) return lost.push({ what: 'draft state', id, got: r.body.state, expected: d.state });
    if (state === 'rejected' && r.body.reason !== d.reason) lost.push({ what: 'draft reason', id, got: r.body.reason, expected: d.reason });
    if (state === 'accepted' && r.body.incidentId !== d.recordId) lost.push({ what: 'draft incident', id, got: r.body.incidentId, expected: d.recordId });
  });
  const importResults = { completed: 0, notCompleted: 0 };
  await pool(workload.imports, 4, async (imp) => {
    const job = jobStates.get(imp.jobId);
    const res = job?.result;
    if (job?.state !== 'completed' || res == null) {
      importResults.notCompleted += 1;
      return lost.push({ what: 'import job', id: imp.jobId, state: job?.state ?? 'unknown', error: job?.error ?? null });
    }
    importResults.completed += 1;
    const reconciles = res.read === res.stored + res.updated + res.unchanged + res.quarantined + (res.drafted ?? 0) + (res.alreadyDrafted ?? 0);
    if (res.read !== 3 || res.stored !== 2 || res.quarantined !== 1 || !reconciles) lost.push({ what: 'import counts', id: imp.jobId, result: { read: res.read, stored: res.stored, updated: res.updated, unchanged: res.unchanged, quarantined: res.quarantined } });
    const r = await client.request('verify:import-incidents', 'GET', `${API}/incidents?q=${encodeURIComponent(`Soak import ${imp.tag} `)}&limit=50`, { token: t.viewer });
    // The text filter also matches longer tags (…-13 finds …-1316): look for the two exact titles.
    const expected = [`Soak import ${imp.tag} hopper`, `Soak import ${imp.tag} wiper`];
    const titles = new Set((r?.body?.items ?? []).map((i) => i.title));
    const missing = expected.filter((t) => !titles.has(t));
    if (missing.length > 0) lost.push({ what: 'imported incidents', id: imp.jobId, missing });
  });
  const evaluations = { completed: 0, other: [] };
  for (const id of workload.evaluations) {
    const job = jobStates.get(id);
    if (job?.state === 'completed') evaluations.completed += 1;
    else evaluations.other.push({ id, state: job?.state ?? 'unknown', error: job?.error ?? null });
  }
  const jobsRun = {};
  for (const j of jobs) {
    const key = `${j.name}:${j.state}`;
    jobsRun[key] = (jobsRun[key] ?? 0) + 1;
  }
  return { lost, importResults, evaluations, jobsRun, jobsStillOpen: jobs.filter((j) => ['created', 'active', 'retry'].includes(j.state)).length };
}

// ---------------------------------------------------------------------------------------------
// One database

async function soakDatabase(database, options, outDir) {
  const tmp = mkdtempSync(join(os.tmpdir(), `pactwatch-soak-${database}-`));
  let cluster;
  const procs = [];
  try {
    let storeArgs;
    let storeOptions;
    let serverVersion = null;
    if (database === 'sqlite') {
      const file = join(tmp, 'store.db');
      storeArgs = ['--db', file];
      storeOptions = { databasePath: file };
    } else {
      cluster = await postgresCluster();
      serverVersion = cluster.version;
      storeArgs = ['--database-url', cluster.url];
      storeOptions = { databaseUrl: cluster.url };
    }
    // Analyst writes are ≈ 29 % of the ticks; spread them so no token nears the per-principal limit.
    const analystWritesPerMinute = options.rate * 60 * 0.3;
    const analysts = Math.max(2, Math.ceil(analystWritesPerMinute / WRITES_PER_ANALYST_PER_MINUTE));
    process.stdout.write(`[${database}] preparing a fresh store with the curated dataset … `);
    const prepared = await prepareStore(storeOptions, analysts);
    console.log(`${prepared.dataset.stored} records, ${prepared.dataset.findings} findings; ${analysts} analyst tokens`);

    const serverLog = join(outDir, `soak-${database}-serve.log`);
    const server = startCli([...storeArgs, 'serve', '--port', '0', '--worker-concurrency', '1'], serverLog, /listening on (http:\/\/[^\s]+)/);
    procs.push(server);
    const baseUrl = (await server.first)[1];
    let worker;
    if (database === 'postgres') {
      const workerLog = join(outDir, `soak-${database}-worker.log`);
      worker = startCli([...storeArgs, 'worker', '--concurrency', '2'], workerLog, /running jobs from/);
      procs.push(worker);
      await worker.first;
    }
    console.log(`[${database}] pactwatch serve at ${baseUrl} (pid ${server.child.pid})${worker ? `, pactwatch worker pid ${worker.child.pid}` : ''}`);

    const client = new Client(baseUrl);
    const workload = new Workload(client, prepared.tokens, `${database.slice(0, 2)}${Date.now().toString(36)}`, prng(options.seed));
    await workload.warmUp();

    // Memory and CPU samples.
    const samples = [];
    const t0 = performance.now();
    const busy0 = machineBusyMs();
    const cpu0 = { server: processCpuMs(server.child.pid), worker: worker ? processCpuMs(worker.child.pid) : 0, self: process.cpuUsage() };
    const sample = () => samples.push({ atS: round((performance.now() - t0) / 1000, 1), server: memoryOf(server.child.pid), worker: worker ? memoryOf(worker.child.pid) : undefined, inFlight: client.inFlight, load1: round(os.loadavg()[0]) });
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);

    // The open-loop schedule: tick i starts at t0 + i / rate.
    const durationMs = options.minutes * 60_000;
    const ticks = Math.floor((durationMs / 1000) * options.rate);
    const inFlight = new Set();
    let skipped = 0;
    let lateTicks = 0;
    let lastReport = 0;
    for (let i = 0; i < ticks; i += 1) {
      const due = t0 + (i * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      else if (wait < -1000) lateTicks += 1;
      if (client.inFlight >= MAX_IN_FLIGHT) {
        skipped += 1;
        continue;
      }
      const kind = workload.draw();
      const p = workload.run(kind).catch((error) => client.errors.push({ kind, exception: String(error?.stack ?? error) }));
      inFlight.add(p);
      p.finally(() => inFlight.delete(p));
      const elapsedS = (performance.now() - t0) / 1000;
      if (elapsedS - lastReport >= 60) {
        lastReport = elapsedS;
        const last = samples[samples.length - 1];
        const recent = client.errors[client.errors.length - 1];
        console.log(`[${database}] ${Math.round(elapsedS)} s: ${i + 1} operations, ${client.errors.length} errors${recent ? ` (latest: ${recent.kind} ${recent.status ?? recent.network ?? ''})` : ''}, in flight ${client.inFlight}, server RSS ${last?.server?.rssMiB ?? '?'} MiB, load ${round(os.loadavg()[0])}`);
      }
    }
    await Promise.all([...inFlight]);
    const loadSeconds = round((performance.now() - t0) / 1000, 1);
    sample();
    clearInterval(sampler);
    const busy1 = machineBusyMs();
    const self = process.cpuUsage(cpu0.self);
    const serverCpuMs = processCpuMs(server.child.pid) - cpu0.server;
    const workerCpuMs = worker ? processCpuMs(worker.child.pid) - cpu0.worker : 0;
    const wallMs = loadSeconds * 1000;
    const cpu = {
      serverCores: round(serverCpuMs / wallMs),
      workerCores: worker ? round(workerCpuMs / wallMs) : undefined,
      loadGeneratorCores: round((self.user + self.system) / 1000 / wallMs),
      // Everything else on the machine (other helpers' work; on PostgreSQL also the postmaster).
      otherCores: round((busy1 - busy0 - serverCpuMs - workerCpuMs - (self.user + self.system) / 1000) / wallMs),
    };
    console.log(`[${database}] load done in ${loadSeconds} s (${ticks - skipped} operations started, ${skipped} skipped at ${MAX_IN_FLIGHT} in flight); waiting for jobs and verifying …`);
    const loadSummary = client.summary();
    const loadErrors = [...client.errors];

    const t1 = performance.now();
    const verification = await verify(client, workload);
    const verifySeconds = round((performance.now() - t1) / 1000, 1);
    const finalMemory = { server: memoryOf(server.child.pid), worker: worker ? memoryOf(worker.child.pid) : undefined };

    const stops = [];
    for (const p of procs.reverse()) stops.push(await stopCli(p));
    const logText = [serverLog, ...(worker ? [join(outDir, `soak-${database}-worker.log`)] : [])].map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\n');
    const logErrorLines = logText.split('\n').filter((l) => /"level":(50|60)|\bERROR\b|\bFATAL\b/i.test(l));

    const rss = samples.map((s) => s.server?.rssMiB).filter(Number.isFinite);
    // Growth per minute: least-squares slope over the samples after the first minute (warm-up: JIT, caches).
    const steady = samples.filter((s) => s.atS >= 60 && Number.isFinite(s.server?.rssMiB));
    const slope = (pts) => {
      if (pts.length < 2) return NaN;
      const xs = pts.map((p) => p.atS / 60);
      const ys = pts.map((p) => p.server.rssMiB);
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      const num = xs.reduce((s, x, k) => s + (x - mx) * (ys[k] - my), 0);
      const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      return den === 0 ? NaN : num / den;
    };
    const memory = {
      serverRssMiB: { start: rss[0], end: rss[rss.length - 1], max: Math.max(...rss), growthPerMinuteAfterFirstMinute: round(slope(steady), 2), hwmAtEnd: finalMemory.server?.hwmMiB },
      workerRssMiB: worker ? { start: samples[0].worker?.rssMiB, end: samples[samples.length - 1].worker?.rssMiB, max: Math.max(...samples.map((s) => s.worker?.rssMiB).filter(Number.isFinite)) } : undefined,
      samples,
    };
    const requests = Object.values(loadSummary).reduce((s, k) => s + k.requests, 0);
    const writes = { incidents: workload.incidents.size, overrides: workload.overrides.size, drafts: workload.drafts.size, draftsAccepted: [...workload.drafts.values()].filter((d) => d.state === 'accepted').length, draftsRejected: [...workload.drafts.values()].filter((d) => d.state === 'rejected').length, imports: workload.imports.length, evaluations: workload.evaluations.length, unansweredWritesOutcomeUnknown: workload.unknownOutcomes };
    const verifyErrors = client.errors.slice(loadErrors.length);
    return {
      database,
      serverVersion,
      baseUrl,
      analystTokens: analysts,
      dataset: prepared.dataset,
      load: { seconds: loadSeconds, ticks, skipped, lateTicks, requests, achievedRequestsPerSecond: round(requests / loadSeconds, 1) },
      requestsByKind: loadSummary,
      errors: loadErrors.length,
      errorsByKind: countErrors(loadErrors),
      errorSamples: loadErrors.slice(0, 30),
      acknowledgedWrites: writes,
      verification: { seconds: verifySeconds, lostWrites: verification.lost.length, lost: verification.lost.slice(0, 50), verifyRequestErrors: verifyErrors.length, verifyErrorSamples: verifyErrors.slice(0, 10), imports: verification.importResults, evaluations: verification.evaluations, jobsRun: verification.jobsRun, jobsStillOpen: verification.jobsStillOpen },
      memory,
      cpu,
      processExits: stops,
      logErrorLines: logErrorLines.length,
      logErrorSamples: logErrorLines.slice(0, 10).map((l) => l.slice(0, 500)),
    };
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    if (cluster !== undefined) {
      try {
        cluster.stop();
      } catch (error) {
        console.error(`could not stop the PostgreSQL cluster in ${cluster.dir}: ${error}`);
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Errors grouped by operation and by what went wrong (status or network failure). */
function countErrors(errors) {
  const out = {};
  for (const e of errors) {
    const key = `${e.kind} ${e.status ?? e.network ?? (e.exception ? 'exception' : e.note ? 'check' : '?')}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function printSummary(r) {
  console.log(`\n=== ${r.database}${r.serverVersion ? ` (PostgreSQL ${r.serverVersion})` : ''}: ${r.load.requests} requests in ${r.load.seconds} s (${r.load.achievedRequestsPerSecond}/s; ${r.load.skipped} ticks skipped, ${r.load.lateTicks} late by > 1 s)`);
  const rows = Object.entries(r.requestsByKind).map(([kind, s]) => `  ${kind.padEnd(26)} ${String(s.requests).padStart(6)}  ${Object.entries(s.statuses).map(([k, v]) => `${k}:${v}`).join(' ').padEnd(18)} p50 ${String(s.p50Ms).padStart(7)} ms  p99 ${String(s.p99Ms).padStart(7)} ms  max ${String(s.maxMs).padStart(7)} ms${s.networkErrors > 0 ? `  network errors ${s.networkErrors}` : ''}`);
  console.log(rows.join('\n'));
  console.log(`  errors: ${r.errors}${r.errors > 0 ? ` — ${JSON.stringify(r.errorsByKind)}; first: ${JSON.stringify(r.errorSamples[0]).slice(0, 400)}` : ''}`);
  console.log(`  acknowledged writes: ${JSON.stringify(r.acknowledgedWrites)}`);
  console.log(`  lost writes: ${r.verification.lostWrites}${r.verification.lostWrites > 0 ? ` — first: ${JSON.stringify(r.verification.lost[0])}` : ''} (verified in ${r.verification.seconds} s; ${r.verification.verifyRequestErrors} request errors while verifying)`);
  console.log(`  jobs: ${JSON.stringify(r.verification.jobsRun)}; still open ${r.verification.jobsStillOpen}; imports ${JSON.stringify(r.verification.imports)}; evaluations completed ${r.verification.evaluations.completed}/${r.acknowledgedWrites.evaluations}`);
  const m = r.memory.serverRssMiB;
  console.log(`  server RSS MiB: start ${m.start}, end ${m.end}, max ${m.max}, growth ${m.growthPerMinuteAfterFirstMinute} MiB/min after the first minute${r.memory.workerRssMiB ? `; worker RSS ${r.memory.workerRssMiB.start} → ${r.memory.workerRssMiB.end} (max ${r.memory.workerRssMiB.max})` : ''}`);
  console.log(`  CPU (cores): server ${r.cpu.serverCores}${r.cpu.workerCores !== undefined ? `, worker ${r.cpu.workerCores}` : ''}, load generator ${r.cpu.loadGeneratorCores}, everything else ${r.cpu.otherCores}`);
  console.log(`  process exits: ${JSON.stringify(r.processExits)}; error lines in the server/worker logs: ${r.logErrorLines}`);
}

async function main(args) {
  if (args.help) {
    console.log(readFileSync(SELF, 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return 0;
  }
  const options = { minutes: args.minutes ?? 10, rate: args.rate ?? 50, databases: args.databases ?? ['sqlite', 'postgres'], seed: args.seed ?? 20261205 };
  const started = new Date();
  const info = machine();
  const out = resolve(ROOT, args.out ?? 'bench/out/soak-results.json');
  const outDir = dirname(out);
  mkdirSync(outDir, { recursive: true });
  const code = { head: git('rev-parse', 'HEAD'), changedFiles: (git('status', '--porcelain', '--', 'packages', 'apps') ?? '').split('\n').filter((l) => l !== '').length, dist: builtCodeHash(ROOT, ['packages/domain/dist', 'packages/backend/dist', 'apps/api/dist', 'apps/cli/dist']) };
  console.log(`pactwatch soak — ${started.toISOString()} — ${info.cpuModel}, ${info.cpus} CPUs, ${info.memoryGiB} GiB, Node ${info.node}`);
  console.log(`${options.minutes} min per database at ${options.rate} operations/s; databases ${options.databases.join(', ')}; seed ${options.seed}; load average ${os.loadavg().map((x) => round(x)).join(' ')}`);
  process.on('SIGINT', () => {
    killAll();
    process.exit(130);
  });
  const results = [];
  for (const database of options.databases) {
    const r = await soakDatabase(database, options, outDir);
    results.push(r);
    printSummary(r);
    writeFileSync(out, `${JSON.stringify({ startedAt: started.toISOString(), finishedAt: new Date().toISOString(), machine: info, code, options, results }, null, 2)}\n`);
  }
  console.log(`\nresults written to ${out}`);
  const failed = results.filter((r) => r.errors > 0 || r.verification.lostWrites > 0 || r.verification.verifyRequestErrors > 0 || r.load.skipped > 0);
  if (failed.length > 0) {
    console.log(`SOAK FAILED on ${failed.map((r) => `${r.database} (${r.errors} errors, ${r.verification.lostWrites} lost writes, ${r.load.skipped} skipped ticks)`).join(', ')}`);
    return 1;
  }
  console.log('SOAK PASSED: zero errors and no lost writes on every database.');
  return 0;
}

try {
  process.exitCode = await main(parseArgs(process.argv.slice(2)));
} catch (error) {
  killAll();
  throw error;
}
