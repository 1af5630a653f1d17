// Feed extraction benchmark (issue 7): runs the BUILT domain (packages/domain/dist) over 10,000
// articles generated deterministically (seeded) from templates and from the labelled fixtures,
// reports items per second (extraction, then de-duplication of everything found), and scores
// precision/recall on the labelled development and held-out sets. Writes bench/out/extract.json.
// Usage: npm run build && node scripts/bench-extract.js [--articles 10000] [--seed 7]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { deduplicateCandidates, extractCandidates, incidentSchema, scoreExtraction } from '@pactwatch/domain';
import { builtCodeHash } from '../bench/dist-hash.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('--articles', 10_000);
const seed = arg('--seed', 7);

const fixtures = new URL('../packages/domain/test/fixtures/extraction/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
const context = { actors: read('actors.json').actors };
const development = read('development.json').articles;
const heldOut = read('held-out.json').articles;

function mulberry32(s) {
  let a = s;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(seed);
const pick = (list) => list[Math.floor(rand() * list.length)];

// Templates in the style of the fixtures: positives, and negatives that name states without an incident.
const SPONSORS = ['Chinese state-sponsored hackers', 'A Beijing-backed group', 'Russian military hackers', 'Hackers tied to the Iranian government', 'North Korean hackers', 'APT10, a Chinese group,', 'Fancy Bear', 'Lazarus Group', 'Charming Kitten', 'Sandworm, a unit of Russia\'s GRU,', 'A Pakistan-linked group'];
const VERBS = ['breached', 'targeted', 'stole trade secrets from', 'disrupted', 'stole personnel records from', 'compromised', 'defaced the websites of', 'spied on'];
const VICTIMS = ['US companies', 'the Australian parliament', 'Ukrainian banks', 'energy utilities in Germany', 'think tanks in South Korea', 'ministries in Japan and India', 'British universities', 'Taiwanese chip makers', 'Dutch armed forces networks', 'hospitals in France'];
const DATES = ['in March 2017', 'between 2014 and 2015', 'last year', 'since 2019', 'in early 2022', '', 'on 7 December 2023'];
const TAILS = ['researchers said.', 'officials said on Tuesday.', 'according to a report by Mandiant.', 'the Justice Department said in an indictment.', 'according to people familiar with the investigation.'];
const NEGATIVES = [
  'The Washington Post reported that Chinese and Russian diplomats met in Moscow to discuss trade.',
  'A Russian tennis player beat a Japanese opponent in Washington on Sunday.',
  'Georgia officials said voting machines in Atlanta, Georgia, worked normally.',
  'Jordan Smith, a professor, said ransomware gangs are financially motivated.',
  'Beijing and Canberra agreed to lift barley tariffs after talks.',
  'China Daily said Chinese exports to Germany and France rose in May.',
  'A Russian-speaking ransomware gang hit a school district in Ohio; police found no state link.',
];
const generated = [];
for (let i = 0; i < total; i += 1) {
  const kind = rand();
  const publishedAt = `20${String(15 + Math.floor(rand() * 10)).padStart(2, '0')}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T08:00:00Z`;
  if (kind < 0.2) {
    const base = pick([...development, ...heldOut]).article;
    generated.push({ ...base, id: `${base.id}-g${i}` });
  } else if (kind < 0.45) {
    generated.push({ id: `neg-${i}`, title: 'News in brief', text: `${pick(NEGATIVES)} ${pick(NEGATIVES)}`, publishedAt, sourceName: 'Example Wire' });
  } else {
    const first = `${pick(SPONSORS)} ${pick(VERBS)} ${pick(VICTIMS)} ${pick(DATES)}, ${pick(TAILS)}`.replace(/ ,/g, ',');
    const second = rand() < 0.3 ? ` In a separate campaign, ${pick(SPONSORS)} ${pick(VERBS)} ${pick(VICTIMS)}, ${pick(TAILS)}` : '';
    generated.push({ id: `gen-${i}`, title: `Report ${i}`, text: `${first}${second}`.replace(/,,/g, ','), publishedAt, sourceName: 'Example Threat Intel', url: `https://news.example.org/${i}` });
  }
}

// Warm-up (gazetteer, actor index and regex compilation happen on first use), then the timed run.
for (const a of generated.slice(0, 200)) extractCandidates(a, context);
const t0 = process.hrtime.bigint();
const found = [];
for (const a of generated) for (const c of extractCandidates(a, context)) found.push(c);
const extractMs = Number(process.hrtime.bigint() - t0) / 1e6;
const t1 = process.hrtime.bigint();
const dedup = deduplicateCandidates(found, []);
const dedupMs = Number(process.hrtime.bigint() - t1) / 1e6;
const invalid = found.filter((c) => !incidentSchema.safeParse(c.record).success).length;

function measure(articles) {
  const predicted = articles.flatMap(({ article }) => extractCandidates(article, context));
  const labelled = articles.flatMap(({ article, expected }) => expected.map((e) => ({ ...e, articleId: article.id })));
  const s = scoreExtraction(predicted, labelled);
  const round = (x) => Math.round(x * 1000) / 1000;
  const pr = (x) => ({ precision: round(x.precision), recall: round(x.recall), f1: round(x.f1), tp: x.truePositives, fp: x.falsePositives, fn: x.falseNegatives });
  return { articles: articles.length, labelled: labelled.length, predicted: predicted.length, candidates: pr(s), facets: Object.fromEntries(Object.entries(s.facets).map(([k, v]) => [k, pr(v)])) };
}

const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version },
  builtCode: builtCodeHash(ROOT, ['packages/domain/dist']),
  seed,
  articles: generated.length,
  extraction: { ms: Math.round(extractMs), articlesPerSecond: Math.round(generated.length / (extractMs / 1000)), candidates: found.length },
  deduplication: { ms: Math.round(dedupMs), candidatesPerSecond: Math.round(found.length / (dedupMs / 1000)), fresh: dedup.fresh.length, duplicates: dedup.duplicates.length },
  invalidRecords: invalid,
  development: measure(development),
  heldOut: measure(heldOut),
};
mkdirSync(new URL('../bench/out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench/out/extract.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
const line = (name, m) => {
  const f = (x) => `P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;
  console.log(`  ${name}: ${m.articles} articles, ${m.labelled} labelled candidates, ${m.predicted} predicted`);
  console.log(`    candidates        ${f(m.candidates)}`);
  for (const [k, v] of Object.entries(m.facets)) console.log(`    ${k.padEnd(17)} ${f(v)}`);
};
console.log(`feed extraction benchmark (built code ${result.builtCode}, seed ${seed})`);
console.log(`  extraction: ${generated.length} articles in ${result.extraction.ms} ms = ${result.extraction.articlesPerSecond} articles/s; ${found.length} candidates (${invalid} records failing incidentSchema)`);
console.log(`  de-duplication of all ${found.length} candidates: ${result.deduplication.ms} ms; ${dedup.fresh.length} fresh, ${dedup.duplicates.length} duplicates`);
line('development set', result.development);
line('held-out set', result.heldOut);
