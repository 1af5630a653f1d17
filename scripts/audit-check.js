#!/usr/bin/env node
// Dependency audit gate for CI (issue 8): runs `npm audit --omit=dev --json` and fails when a
// high or critical advisory affects a production dependency, unless .ci/audit-allowlist.json
// lists that advisory with the reason it does not apply here. Lower severities are printed, not
// fatal. If the audit itself cannot run (registry unreachable, audit endpoint refused) it exits
// with status 3 and says so: never "OK" without having looked. .ci/run treats 3 as a loud warning
// (the registry reachable from our CI answers the audit endpoint with 405, allowing GET only) and
// any other failure as a red run; PACTWATCH_AUDIT_REQUIRED=1 makes 3 fatal there too.
//
//   node scripts/audit-check.js                 # runs npm audit
//   node scripts/audit-check.js --input r.json  # checks a saved `npm audit --json` report
//   node scripts/audit-check.js --allowlist f   # another allow-list file
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FATAL = new Set(['high', 'critical']);

function argument(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

function fail(message) {
  console.error(`audit-check: FAIL: ${message}`);
  process.exit(1);
}

/** The audit did not run: nothing was checked, which is neither a pass nor a finding. */
function notRun(message) {
  console.error(`audit-check: NOT RUN: ${message}`);
  process.exit(3);
}

/** The allow-list: [{ id: "GHSA-…" or npm advisory number, package, reason, reviewed: "YYYY-MM-DD" }]. */
function readAllowList(path) {
  if (!existsSync(path)) return [];
  let entries;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${path} is not valid JSON (${error.message})`);
  }
  if (!Array.isArray(entries)) fail(`${path} must hold a JSON array of { id, package, reason, reviewed }`);
  entries.forEach((entry, index) => {
    for (const field of ['id', 'package', 'reason', 'reviewed']) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') fail(`${path} entry ${index}: "${field}" is required (a non-empty string)`);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.reviewed)) fail(`${path} entry ${index}: "reviewed" must be YYYY-MM-DD, got "${entry.reviewed}"`);
  });
  return entries;
}

function runAudit() {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) fail(`could not start npm audit (${run.error.message})`);
  // npm audit exits 1 when it finds anything, so the JSON decides, not the exit status.
  return { text: run.stdout, stderr: run.stderr };
}

/** The advisory objects of an `npm audit --json` (v2) report, one per advisory and package. */
function advisoriesOf(report) {
  const found = new Map();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      // A string `via` means "vulnerable through that package": its own entry lists the advisory.
      if (typeof via !== 'object' || via === null) continue;
      const ghsa = /GHSA-[\w-]+/i.exec(via.url ?? '')?.[0];
      const id = ghsa ?? String(via.source);
      const pkg = via.name ?? name;
      found.set(`${id}@${pkg}`, { id, source: String(via.source), pkg, severity: via.severity, title: via.title ?? '', url: via.url ?? '', range: via.range ?? '' });
    }
  }
  return [...found.values()];
}

const input = argument('--input');
const allowPath = argument('--allowlist') ?? join(root, '.ci', 'audit-allowlist.json');
const allowList = readAllowList(allowPath);
const { text, stderr } = input === undefined ? runAudit() : { text: readFileSync(input, 'utf8'), stderr: '' };

let report;
try {
  report = JSON.parse(text);
} catch {
  notRun(`npm audit printed no JSON report; it could not run. stderr:\n${stderr.trim()}`);
}
if (report.error !== undefined || report.vulnerabilities === undefined) {
  const reason = report.error?.summary || report.message || stderr.trim() || 'no "vulnerabilities" in the report';
  notRun(`npm audit could not check the dependencies (is the npm registry reachable, and does it serve the audit endpoint?): ${reason}`);
}

const advisories = advisoriesOf(report);
const allowed = (a) => allowList.some((entry) => (entry.id.toLowerCase() === a.id.toLowerCase() || entry.id === a.source) && entry.package === a.pkg);
const fatal = advisories.filter((a) => FATAL.has(a.severity));
const unexplained = fatal.filter((a) => !allowed(a));
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`audit-check: production dependencies: ${report.metadata?.dependencies?.prod ?? '?'}; advisories: critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0}`);
for (const a of advisories) {
  const mark = !FATAL.has(a.severity) ? 'note' : allowed(a) ? 'allow-listed' : 'NOT ALLOWED';
  console.log(`  [${mark}] ${a.severity} ${a.id} ${a.pkg} ${a.range}: ${a.title} ${a.url}`);
}
const stale = allowList.filter((entry) => !fatal.some((a) => (entry.id.toLowerCase() === a.id.toLowerCase() || entry.id === a.source) && entry.package === a.pkg));
for (const entry of stale) console.log(`  (allow-list entry ${entry.id} ${entry.package} no longer matches any advisory: remove it)`);
if (unexplained.length > 0) {
  fail(`${unexplained.length} high/critical advisory(ies) not explained in ${allowPath}: ${unexplained.map((a) => `${a.id} (${a.pkg}, ${a.severity})`).join(', ')}. Upgrade the package, or add { id, package, reason, reviewed } saying why it does not apply.`);
}
console.log('audit-check: OK (no unexplained high or critical advisory)');
