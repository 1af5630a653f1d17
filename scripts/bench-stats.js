// Statistics benchmark (issue 3): ITS fit on a 240-month series and PELT on 10,000 points, and
// the same ITS model fitted by R's glm in one R process in the same run (when Rscript is
// installed: `apt-get install -y r-base-core`). Prints a table and writes bench/out/stats.json.
// Usage: npm run build && node scripts/bench-stats.js [--reps 200]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectChangepoints, fitInterruptedTimeSeries } from '@pactwatch/domain';

const repsArg = process.argv.indexOf('--reps');
const reps = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 200;

// Deterministic pseudo-random counts (mulberry32) around a falling, seasonal, broken trend.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function poisson(rand, lambda) {
  // Knuth for small means, normal approximation for large ones (the bench needs counts, not exact draws).
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand())));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k += 1;
    p *= rand();
  } while (p > l);
  return k - 1;
}
const rand = mulberry32(20151);
const n = 240;
const breakIndex = 120; // 0-based first post-break month
const counts = Array.from({ length: n }, (_, t) => {
  const m = t % 12;
  const mean = 60 * Math.exp(-0.004 * t) * (t >= breakIndex ? 0.7 : 1) * (1 + 0.15 * Math.sin((2 * Math.PI * (m + 1)) / 12));
  return poisson(rand, mean);
});
const its = () => fitInterruptedTimeSeries({ counts, breakIndex, family: 'quasipoisson', slopeChange: true, seasonality: { period: 12, harmonics: 2 } });

function timePerRun(fn, runs) {
  fn();
  const start = process.hrtime.bigint();
  let last;
  for (let i = 0; i < runs; i += 1) last = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 / runs, last };
}

const itsTiming = timePerRun(its, reps);
const peltData = Array.from({ length: 10_000 }, (_, t) => poisson(rand, t < 3000 ? 5 : t < 7000 ? 9 : 4));
const peltTiming = timePerRun(() => detectChangepoints(peltData, { method: 'PELT', cost: 'poisson', penalty: 'MBIC' }), 10);

let r = null;
try {
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-bench-'));
  const csv = join(dir, 'series.csv');
  writeFileSync(csv, `count,break_index\n${counts.map((c) => `${c},${breakIndex + 1}`).join('\n')}\n`);
  const out = execFileSync('Rscript', [new URL('./bench-stats.R', import.meta.url).pathname, csv, String(reps)], { encoding: 'utf8' }).trim().split('\n');
  const coef = out[1].trim().split(',').map(Number);
  const se = out[2].trim().split(',').map(Number);
  const ours = itsTiming.last.coefficients;
  // R orders sin1, sin2, cos1, cos2 after slope, as ours does; compare by position.
  const relDiff = (a, b) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
  r = {
    msPerFit: Number(out[0]),
    maxRelDiffCoef: Math.max(...ours.map((c, i) => relDiff(c.estimate, coef[i]))),
    maxRelDiffSe: Math.max(...ours.map((c, i) => relDiff(c.se, se[i]))),
    version: execFileSync('Rscript', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'Rscript',
  };
} catch (error) {
  r = { unavailable: error instanceof Error ? error.message.split('\n')[0] : String(error) };
}

const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version },
  reps,
  its240: { msPerFit: itsTiming.ms, converged: itsTiming.last.converged, iterations: itsTiming.last.iterations },
  pelt10k: { msPerRun: peltTiming.ms, changepoints: peltTiming.last.changepoints },
  r,
};
mkdirSync(new URL('../bench/out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench/out/stats.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log('statistics benchmark');
console.log(`  ITS quasi-Poisson, 240 months, slope + 2 harmonics: ${itsTiming.ms.toFixed(3)} ms per fit (pactwatch)`);
if (r !== null && 'msPerFit' in r) {
  console.log(`  same model, R glm in one R process:                ${r.msPerFit.toFixed(3)} ms per fit (R); ratio R/pactwatch ${(r.msPerFit / itsTiming.ms).toFixed(2)}`);
  console.log(`  agreement with R: max relative difference coef ${r.maxRelDiffCoef.toExponential(2)}, se ${r.maxRelDiffSe.toExponential(2)}`);
} else console.log(`  R comparison unavailable: ${r?.unavailable}`);
console.log(`  PELT, Poisson cost, MBIC, 10,000 points: ${peltTiming.ms.toFixed(2)} ms per run; changepoints ${peltTiming.last.changepoints.join(', ')}`);
