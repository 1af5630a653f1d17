// Stores, servers and workers for the soak test: the throwaway PostgreSQL cluster, the prepared
// store, and the `pactwatch` CLI children (tracked in `running`, so that a failed or interrupted
// run can kill them all).

import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CLI, PASSWORD, ROOT } from './support.js';

/**
 * A throwaway loopback PostgreSQL cluster (scripts/pg-cluster.sh) with one database,
 * `pactwatch_<name>`: the soak's ('soak') and scripts/bench-api.js's ('bench').
 */
export async function postgresCluster(name) {
  const dir = mkdtempSync(join(os.tmpdir(), `pactwatch-${name}-pg-`));
  const url = execFileSync(join(ROOT, 'scripts/pg-cluster.sh'), ['start', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create database pactwatch_${name}`);
  const version = (await client.query('show server_version')).rows[0].server_version;
  await client.end();
  return { dir, url: url.replace(/\/postgres$/, `/pactwatch_${name}`), version, stop: () => execFileSync(join(ROOT, 'scripts/pg-cluster.sh'), ['stop', dir]) };
}

/**
 * A fresh store with the curated dataset, evaluated, and users with tokens: one viewer, one admin
 * and `analysts` analysts (writes are rate-limited per principal, so the write load is spread).
 */
export async function prepareStore(storeOptions, analysts) {
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
export function startCli(args, logFile, ready) {
  // SOAK_CPU_PROF=DIR writes a V8 CPU profile of each CLI child there when it exits (Node refuses
  // --cpu-prof in NODE_OPTIONS); open it in Chrome DevTools to see where a saturated server spends its time.
  const profile = process.env.SOAK_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SOAK_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, CLI, ...args], { cwd: ROOT, env: childEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
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

export async function stopCli(proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 60_000);
  proc.child.kill('SIGTERM');
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

export function killAll() {
  for (const child of running) child.kill('SIGKILL');
}
