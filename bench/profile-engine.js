// Profiling entry point for the pure engine (not a benchmark: it prints one timing only).
//
//   node --cpu-prof --cpu-prof-dir=bench/out/prof bench/profile-engine.js [incidents=20000] [passes=3]
//   node bench/cpuprofile-summary.js bench/out/prof/<file>.cpuprofile
//
// Builds the engine on the 200 synthetic agreements and runs evaluateAll over the incidents
// `passes` times, so the profile is dominated by steady-state evaluation.
import { createComplianceEngine } from '@pactwatch/domain';
import { generateAgreements, generateGroups, generateIncidents } from './synthetic.js';

const size = Number(process.argv[2] ?? 20_000);
const passes = Number(process.argv[3] ?? 3);
const engine = createComplianceEngine(generateAgreements(), generateGroups(), { confidenceThreshold: 70 });
const incidents = generateIncidents(size);
for (let p = 0; p < passes; p += 1) {
  const t0 = performance.now();
  const findings = engine.evaluateAll(incidents);
  console.log(`pass ${p + 1}: ${size} incidents, ${findings.length} findings, ${Math.round(performance.now() - t0)} ms`);
}
