// Summarises a V8 .cpuprofile (from node --cpu-prof): self time by function and by file, and
// inclusive time of pactwatch functions.   node bench/cpuprofile-summary.js FILE [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: node bench/cpuprofile-summary.js FILE.cpuprofile [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTicks = new Map();
for (const id of profile.samples) selfTicks.set(id, (selfTicks.get(id) ?? 0) + 1);
const total = profile.samples.length;
const short = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*\/packages\//, 'packages/').replace(/^.*\/bench\//, 'bench/');
const label = (cf) => `${cf.functionName || '(anonymous)'} ${cf.url ? `${short(cf.url)}:${cf.lineNumber + 1}` : ''}`.trim();

const bySelf = new Map();
const byFile = new Map();
const inclusive = new Map();
for (const [id, ticks] of selfTicks) {
  const cf = nodes.get(id).callFrame;
  bySelf.set(label(cf), (bySelf.get(label(cf)) ?? 0) + ticks);
  const f = cf.url ? short(cf.url) : `(${cf.functionName || 'native'})`;
  byFile.set(f, (byFile.get(f) ?? 0) + ticks);
  // Inclusive: credit every distinct frame on the stack once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(nodes.get(cur).callFrame);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + ticks);
  }
}
const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
const print = (title, map, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
};
console.log(`${file}: ${total} samples`);
print('self time by function', bySelf);
print('self time by file', byFile);
print('inclusive time, pactwatch code', inclusive, (k) => k.includes('packages/'));
