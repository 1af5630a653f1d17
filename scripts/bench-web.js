#!/usr/bin/env node
// Dashboard size benchmark (issue 6): how much JavaScript the first page load fetches, gzipped,
// against the 350 KB budget, and what each lazily loaded page adds. Reads the Vite manifest of
// apps/web/dist (run through `npm run bench:web`, which builds first).
//
//   node scripts/bench-web.js [--json]

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'apps/web/dist');
const BUDGET_KB = 350;

const manifestPath = join(DIST, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`no ${manifestPath}: build the dashboard first (npm run build)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const body = readFileSync(join(DIST, file));
    sizes.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** A chunk and everything it imports statically (what the browser must fetch before running it). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const total = (keys, filter = () => true) =>
  [...keys].filter(filter).reduce(
    (sum, key) => {
      const s = size(manifest[key].file);
      return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
    },
    { raw: 0, gzip: 0 },
  );

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = closure(entryKey);
const initialJs = total(initial);
const css = [...initial].flatMap((k) => manifest[k].css ?? []);
const cssSize = css.reduce((s, f) => s + size(f).gzip, 0);

const pages = [];
for (const key of new Set([...initial].flatMap((k) => manifest[k].dynamicImports ?? []))) {
  const added = [...closure(key)].filter((k) => !initial.has(k));
  pages.push({ page: key.replace(/^src\/pages\//, '').replace(/\.tsx$/, ''), ...total(added) });
}
pages.sort((a, b) => b.gzip - a.gzip);

const kb = (n) => Math.round((n / 1024) * 10) / 10;
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.availableParallelism(), node: process.version },
  budgetKB: BUDGET_KB,
  initialJs: { files: [...initial].map((k) => manifest[k].file), rawKB: kb(initialJs.raw), gzipKB: kb(initialJs.gzip) },
  initialCssGzipKB: kb(cssSize),
  pages: pages.map((p) => ({ page: p.page, rawKB: kb(p.raw), gzipKB: kb(p.gzip) })),
  withinBudget: initialJs.gzip / 1024 < BUDGET_KB,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`Dashboard initial JavaScript: ${result.initialJs.gzipKB} KB gzipped (${result.initialJs.rawKB} KB raw, ${result.initialJs.files.length} file(s)); CSS ${result.initialCssGzipKB} KB gzipped; budget ${BUDGET_KB} KB: ${result.withinBudget ? 'within' : 'OVER'}`);
  console.log('Each page adds, when opened (gzipped, chunks not already loaded):');
  for (const p of result.pages) console.log(`  ${p.page.padEnd(28)} ${String(p.gzipKB).padStart(7)} KB`);
}
if (!result.withinBudget) process.exitCode = 1;
