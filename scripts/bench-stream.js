// Full evaluation as the store runs it: every incident evaluated once, findings handed on and not
// kept (EvaluationService streams the store in pages and writes each page's findings). Measures
// the pure engine on the synthetic 200-agreement dataset at 10k, 100k and (with --large) 1M.
// Usage: npm run build && node scripts/bench-stream.js [--large] [--reps 5]
import { createComplianceEngine } from '@pactwatch/domain';
import { generateAgreements, generateGroups, generateIncidents } from '../bench/synthetic.js';

const args = process.argv.slice(2);
const reps = args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 5;
const sizes = args.includes('--large') ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
const engine = createComplianceEngine(generateAgreements(), generateGroups(), { confidenceThreshold: 70 });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log('engine, streaming full evaluation (findings not retained), 200 agreements');
console.log('incidents   first run   median   min   findings   incidents/s');
const results = [];
for (const size of sizes) {
  const times = [];
  let findings = 0;
  // 1M incidents are generated and evaluated in chunks so memory stays bounded.
  const chunk = Math.min(size, 100_000);
  for (let rep = 0; rep <= reps; rep += 1) {
    let elapsed = 0;
    findings = 0;
    for (let from = 0; from < size; from += chunk) {
      const incidents = generateIncidents(Math.min(chunk, size - from), { from });
      const start = performance.now();
      for (const incident of incidents) findings += engine.evaluateIncident(incident).length;
      elapsed += performance.now() - start;
    }
    times.push(elapsed);
  }
  const [first, ...rest] = times;
  const row = { size, firstMs: Math.round(first ?? 0), medianMs: Math.round(median(rest)), minMs: Math.round(Math.min(...rest)), findings, perSecond: Math.round(size / (median(rest) / 1000)) };
  results.push(row);
  console.log(`${String(size).padStart(9)}   ${String(row.firstMs).padStart(7)} ms  ${String(row.medianMs).padStart(6)} ms  ${String(row.minMs).padStart(4)} ms  ${String(findings).padStart(9)}   ${row.perSecond}`);
}
console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, results }));
