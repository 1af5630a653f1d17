// Deterministic synthetic dataset for the pactwatch benchmarks (plain ESM JavaScript, run on the
// built packages). Every record is built in the exact shape the zod schemas produce (defaults filled
// in), so what the engine and the store see is what a validated load would give them.
//
//   node bench/synthetic.js --check [--incidents 5000] [--seed 20261122]
//
// validates all agreements and groups and a sample of incidents against the zod schemas and prints
// a short profile of the data (date precisions, attributions, victims, findings per incident).

import { isDeepStrictEqual } from 'node:util';
import { agreementSchema, groupSchema, incidentSchema, toAgreement } from '@pactwatch/domain';

export const DEFAULT_SEED = 20261122;
export const DEFAULT_AGREEMENTS = 200;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast 32-bit PRNG; same seed, same sequence, on every platform. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and an index into an independent 32-bit seed (so record i never depends on chunking). */
export function mixSeed(seed, index) {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const int = (rng, min, max) => min + Math.floor(rng() * (max - min + 1));
const pick = (rng, items) => items[Math.floor(rng() * items.length)];
const chance = (rng, p) => rng() < p;

/** A weighted table [[value, weight], …] compiled once into a sampler. */
function weighted(table) {
  const total = table.reduce((s, [, w]) => s + w, 0);
  const cumulative = [];
  let acc = 0;
  for (const [value, w] of table) {
    acc += w / total;
    cumulative.push([value, acc]);
  }
  return (rng) => {
    const r = rng();
    for (const [value, c] of cumulative) if (r < c) return value;
    return cumulative[cumulative.length - 1][0];
  };
}

/** `count` distinct values drawn from a weighted sampler. */
function distinct(rng, sampler, count) {
  const out = [];
  for (let guard = 0; out.length < count && guard < 50; guard += 1) {
    const v = sampler(rng);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** 40 real ISO 3166-1 alpha-2 states. */
export const STATES = [
  'US', 'CN', 'RU', 'GB', 'FR', 'DE', 'JP', 'KR', 'KP', 'IN',
  'PK', 'IR', 'IL', 'SA', 'AE', 'TR', 'AU', 'CA', 'BR', 'MX',
  'AR', 'ZA', 'NG', 'EG', 'ID', 'MY', 'SG', 'VN', 'PH', 'TH',
  'UA', 'PL', 'NL', 'SE', 'NO', 'IT', 'ES', 'KZ', 'BY', 'CH',
];

const spread = (heavy, rest) => [...Object.entries(heavy), ...STATES.filter((s) => !(s in heavy)).map((s) => [s, rest])];

// Public attributions are concentrated on a few sponsors; victims are spread wider.
const sponsorOf = weighted(spread({ CN: 30, RU: 22, KP: 10, IR: 10, US: 3, IL: 2, VN: 2, PK: 2, IN: 2, TR: 1.5, BY: 1.5, SA: 1, AE: 1, KZ: 1, EG: 1 }, 0.4));
const victimOf = weighted(spread({ US: 20, UA: 6, KR: 6, GB: 6, DE: 5, JP: 5, IN: 4, FR: 3, AU: 3, CA: 3, SA: 3, IL: 3, CN: 3, IR: 2, RU: 2, VN: 2, PH: 2 }, 1));
// States that sign cyber pacts often (China's and Russia's no-hack pacts, the US and its allies).
const pactMakerOf = weighted(spread({ CN: 25, RU: 15, US: 10, GB: 5, DE: 4, FR: 4, JP: 3, IN: 3, AU: 3, KR: 3 }, 1));

const activityOfScope = weighted([
  ['commercial-espionage', 30], ['political-military-espionage', 12], ['personal-data-theft', 8], ['sabotage', 15],
  ['disruption', 12], ['influence-operation', 8], ['internal-interference', 10], ['financial-theft', 5],
]);
const activityOfIncident = weighted([
  ['commercial-espionage', 25], ['political-military-espionage', 30], ['personal-data-theft', 10], ['sabotage', 7],
  ['disruption', 10], ['influence-operation', 8], ['internal-interference', 5], ['financial-theft', 5],
]);
const targetOfScope = weighted([['private-sector', 30], ['government', 15], ['military', 8], ['critical-infrastructure', 25], ['civil-society', 10]]);
const targetOfIncident = weighted([['private-sector', 35], ['government', 30], ['military', 8], ['critical-infrastructure', 17], ['civil-society', 10]]);
const relationOf = weighted([['state-organ', 35], ['state-supported', 20], ['state-tolerated', 8], ['non-state', 7], ['unknown', 30]]);
const basisOf = weighted([['government-attribution', 25], ['indictment', 8], ['vendor-report', 40], ['media', 20], ['academic', 7]]);
const meansOf = weighted([[['cyber'], 78], [['close-access'], 3], [['humint'], 4], [['insider'], 3], [[], 5], [['cyber', 'insider'], 5], [['cyber', 'humint'], 2]]);
const obligationOf = weighted([['refrain', 65], ['cooperate', 15], ['consult', 10], ['establish-dialogue', 10]]);
const commitmentCountOf = weighted([[2, 25], [3, 45], [4, 30]]);

const PUBLISHERS = ['Reuters', 'Associated Press', 'The Washington Post', 'The New York Times', 'Financial Times', 'Le Monde', 'Der Spiegel', 'Nikkei Asia', 'The Guardian', 'Bloomberg', 'Mandiant', 'CrowdStrike', 'Microsoft Threat Intelligence', 'Kaspersky', 'ESET', 'Proofpoint', 'Recorded Future', 'Citizen Lab', 'US Department of Justice', 'UK National Cyber Security Centre', 'CISA', 'BSI'];
const ATTRIBUTORS = ['FBI', 'US Department of Justice', 'UK NCSC', 'Mandiant', 'CrowdStrike', 'Microsoft', 'Kaspersky', 'ESET', 'Proofpoint', 'Recorded Future', 'Citizen Lab', 'Unnamed officials via Reuters', 'BSI', 'ANSSI', 'Australian Signals Directorate', 'Ministry of Foreign Affairs statement'];
const ACTOR_NAMES = ['APT1', 'APT3', 'APT10', 'APT17', 'APT28', 'APT29', 'APT33', 'APT34', 'APT35', 'APT38', 'APT40', 'APT41', 'Lazarus Group', 'Kimsuky', 'Sandworm', 'Turla', 'Gamaredon', 'OceanLotus', 'Charming Kitten', 'MuddyWater', 'Volt Typhoon', 'Hafnium', 'Unit 61398', 'Transparent Tribe', 'Sidewinder'];
const SECTORS = ['aerospace', 'defence industry', 'energy', 'telecommunications', 'finance', 'health', 'pharmaceuticals', 'semiconductors', 'shipping', 'elections', 'foreign ministry', 'parliament', 'universities', 'media', 'water utilities', 'automotive'];
const ENTITY_KINDS = ['Ministry', 'Agency', 'Bank', 'Utility', 'Group', 'Institute', 'Corporation', 'Newspaper', 'Foundation', 'Authority'];
const WORDS = ['intrusion', 'network', 'espionage', 'campaign', 'credentials', 'phishing', 'exfiltration', 'malware', 'backdoor', 'servers', 'documents', 'contractors', 'supply chain', 'researchers', 'officials', 'investigators', 'attribution', 'indictment', 'persistent', 'access', 'targeted', 'sensitive', 'accounts', 'vulnerability', 'firmware', 'cloud', 'email', 'records', 'designs', 'negotiations'];

const DAY = 86_400_000;
const T2008 = Date.UTC(2008, 0, 1);
const T2022_END = Date.UTC(2022, 11, 31);

const pad = (n, w = 2) => String(n).padStart(w, '0');
function ymd(t) {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
const dayText = (t) => {
  const { y, m, d } = ymd(t);
  return `${y}-${pad(m)}-${pad(d)}`;
};
const monthText = (t) => {
  const { y, m } = ymd(t);
  return `${y}-${pad(m)}`;
};
const yearText = (t) => String(ymd(t).y);

/** An EDTF string for instant t at a drawn precision: day, month, year, approximate, uncertain. */
const datePrecisionOf = weighted([['day', 45], ['month', 30], ['year', 8], ['day~', 4], ['month~', 4], ['year?', 2], ['month-interval', 5], ['day-unspecified', 2]]);
function edtfAt(rng, t, precision) {
  switch (precision) {
    case 'day':
      return dayText(t);
    case 'month':
      return monthText(t);
    case 'year':
      return yearText(t);
    case 'day~':
      return `${dayText(t)}~`;
    case 'month~':
      return `${monthText(t)}~`;
    case 'year?':
      return `${yearText(t)}?`;
    case 'day-unspecified':
      return `${monthText(t)}-XX`;
    case 'month-interval': {
      // The start itself is only known to lie within a few months ("2014-03/2014-07").
      const later = Math.min(t + int(rng, 1, 5) * 31 * DAY, T2022_END);
      // edtf rejects a degenerate interval ("2022-12/2022-12"); that is just the month.
      return monthText(later) === monthText(t) ? monthText(t) : `${monthText(t)}/${monthText(later)}`;
    }
    default:
      throw new Error(`unknown precision ${precision}`);
  }
}

function words(rng, count) {
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(pick(rng, WORDS));
  return out.join(' ');
}

function source(rng, date) {
  const publisher = pick(rng, PUBLISHERS);
  const s = {
    publisher,
    title: `[${publisher} on ${words(rng, 4)}]`,
    ...(date === undefined ? {} : { date }),
    url: `https://example.org/synthetic/${publisher.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${int(rng, 100000, 999999)}`,
  };
  if (chance(rng, 0.3)) {
    s.quote = `The ${words(rng, 10)}.`;
    s.quoteStatus = pick(rng, ['verbatim', 'secondary', 'translation', 'partial']);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Groups

/** Four party groups with memberships that change over time (joins, a departure, a recorded-from). */
export function generateGroups() {
  const src = [{ publisher: 'Synthetic benchmark', title: 'Synthetic membership list', url: 'https://example.org/synthetic/groups' }];
  return [
    {
      id: 'syn-g20',
      name: 'Synthetic Group of Twenty',
      members: ['AR', 'AU', 'BR', 'CA', 'CN', 'FR', 'DE', 'IN', 'ID', 'IT', 'JP', 'KR', 'MX', 'RU', 'SA', 'ZA', 'TR', 'GB', 'US'].map((state) => ({ state, from: '1999' })),
      note: 'Modelled on the G20: nineteen states, unchanged since 1999.',
      sources: src,
    },
    {
      id: 'syn-sco',
      name: 'Synthetic Shanghai Cooperation Organisation',
      recordedFrom: '2001-06',
      members: [
        { state: 'CN', from: '2001-06-15' },
        { state: 'RU', from: '2001-06-15' },
        { state: 'KZ', from: '2001-06-15' },
        { state: 'IN', from: '2017-06-09' },
        { state: 'PK', from: '2017-06-09' },
        { state: 'IR', from: '2023-07-04' },
        { state: 'BY', from: '2024-07' },
      ],
      sources: src,
    },
    {
      id: 'syn-asean',
      name: 'Synthetic South-East Asian association',
      members: [
        { state: 'ID', from: '1967-08-08' },
        { state: 'MY', from: '1967-08-08' },
        { state: 'PH', from: '1967-08-08' },
        { state: 'SG', from: '1967-08-08' },
        { state: 'TH', from: '1967-08-08' },
        { state: 'VN', from: '1995-07-28' },
      ],
      sources: src,
    },
    {
      id: 'syn-eu',
      name: 'Synthetic European union of states',
      recordedFrom: '1993-11',
      members: [
        { state: 'FR', from: '1958' },
        { state: 'DE', from: '1958' },
        { state: 'IT', from: '1958' },
        { state: 'NL', from: '1958' },
        { state: 'ES', from: '1986' },
        { state: 'SE', from: '1995' },
        { state: 'PL', from: '2004-05' },
        { state: 'GB', from: '1973', to: '2020-01-31' },
      ],
      sources: src,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Agreements

function signedDate(rng) {
  const t = Date.UTC(int(rng, 2010, 2020), int(rng, 0, 11), int(rng, 1, 28));
  const p = rng();
  return { t, edtf: p < 0.7 ? dayText(t) : p < 0.95 ? monthText(t) : yearText(t) };
}

function refrainScope(rng, parties) {
  const scope = {
    activities: distinct(rng, activityOfScope, int(rng, 1, 3)),
    targets: distinct(rng, targetOfScope, int(rng, 1, 3)),
    means: chance(rng, 0.8) ? 'cyber-enabled' : 'any',
    actor: chance(rng, 0.6) ? 'conducted-or-supported' : 'conducted',
    direction: 'mutual',
    rationale: `Synthetic coding: the clause is read as covering ${words(rng, 12)}.`,
  };
  const states = parties.filter((p) => 'state' in p).map((p) => p.state);
  if (states.length >= 2 && chance(rng, 0.08)) {
    scope.direction = chance(rng, 0.5) ? { bound: [states[0]] } : { bound: [states[0]], protected: [states[1]] };
  }
  return scope;
}

function commitment(rng, index, obligation, parties, signed) {
  const c = {
    id: `c${index + 1}-${obligation}`,
    title: `${obligation === 'refrain' ? 'Refrain from' : 'Commit to'} ${words(rng, 5)}`,
    obligation,
    text: `The participants ${obligation === 'refrain' ? 'will not conduct or knowingly support' : 'will'} ${words(rng, 18)}.`,
    source: source(rng, signed),
    disputes: [],
  };
  if (obligation === 'refrain') c.scope = refrainScope(rng, parties);
  else if (chance(rng, 0.7)) {
    c.expectation = {
      eventKinds: [pick(rng, ['dialogue-round', 'summit', 'statement', 'arrests'])],
      ...(chance(rng, 0.6) ? { dueBy: String(Number(signed.slice(0, 4)) + 1) } : {}),
      ...(chance(rng, 0.5) ? { everyMonths: pick(rng, [6, 12, 24]) } : {}),
    };
  }
  if (chance(rng, 0.05)) c.disputes = [{ field: 'text', note: 'Known only through a secondary paraphrase.', status: 'secondary-only' }];
  return c;
}

/**
 * The input (validated shape) of agreement `index`: 85 % bilateral among the 40 states, 10 % with a
 * party group, 5 % among three to six listed states; about three commitments each, mostly refrain.
 */
export function agreementInputAt(index, seed = DEFAULT_SEED, groups = generateGroups()) {
  const rng = mulberry32(mixSeed(seed ^ 0xa5a5a5a5, index));
  let parties;
  let kind;
  let label;
  if (index % 20 < 17) {
    const a = pactMakerOf(rng);
    let b = pick(rng, STATES);
    while (b === a) b = pick(rng, STATES);
    parties = [{ state: a }, { state: b }];
    kind = pick(rng, ['joint-statement', 'mou', 'mou', 'treaty', 'dialogue-mechanism']);
    label = `${a.toLowerCase()}-${b.toLowerCase()}`;
  } else if (index % 20 < 19) {
    const group = groups[index % groups.length];
    parties = [{ group: group.id }];
    kind = pick(rng, ['communique', 'code-of-conduct']);
    label = group.id.replace(/^syn-/, '');
  } else {
    parties = distinct(rng, (r) => pick(r, STATES), int(rng, 3, 6)).map((state) => ({ state }));
    kind = pick(rng, ['treaty', 'joint-statement']);
    label = `multi${parties.length}`;
  }
  const signed = signedDate(rng);
  const inForce = chance(rng, 0.15) ? dayText(signed.t + int(rng, 60, 500) * DAY) : undefined;
  const ended = chance(rng, 0.05) ? dayText(Date.UTC(int(rng, 2018, 2021), int(rng, 0, 11), int(rng, 1, 28))) : undefined;
  const status = ended !== undefined ? 'lapsed' : inForce !== undefined ? 'in-force' : pick(rng, ['announced', 'announced', 'signed', 'proposed']);
  const commitments = [];
  const count = commitmentCountOf(rng);
  for (let k = 0; k < count; k += 1) commitments.push(commitment(rng, k, k === 0 ? 'refrain' : obligationOf(rng), parties, signed.edtf));
  const year = signed.edtf.slice(0, 4);
  return {
    id: `syn-a${pad(index, 3)}-${label}-${year}`,
    title: `Synthetic ${kind.replace(/-/g, ' ')} on cyberspace (${label.toUpperCase()}, ${year})`,
    shortTitle: `Synthetic ${label.toUpperCase()} ${year}`,
    kind,
    parties,
    signed: signed.edtf,
    ...(inForce === undefined ? {} : { inForce }),
    ...(ended === undefined ? {} : { ended }),
    status,
    summary: `A synthetic agreement for benchmarks: ${words(rng, 30)}.`,
    sources: [source(rng, signed.edtf), ...(chance(rng, 0.5) ? [source(rng, signed.edtf)] : [])],
    provenance: { origin: 'added', note: 'Synthetic benchmark record (bench/synthetic.js).' },
    disputes: [],
    commitments,
  };
}

export function generateAgreementInputs(count = DEFAULT_AGREEMENTS, seed = DEFAULT_SEED) {
  const groups = generateGroups();
  return Array.from({ length: count }, (_, i) => agreementInputAt(i, seed, groups));
}

/** Domain agreements (full commitment ids), as the engine and the repositories take them. */
export function generateAgreements(count = DEFAULT_AGREEMENTS, seed = DEFAULT_SEED) {
  return generateAgreementInputs(count, seed).map(toAgreement);
}

// ---------------------------------------------------------------------------------------------
// Incidents

function period(rng) {
  const startT = T2008 + Math.floor(rng() * ((T2022_END - T2008) / DAY)) * DAY;
  const precision = datePrecisionOf(rng);
  const start = edtfAt(rng, startT, precision);
  const r = rng();
  if (r < 0.35) return { period: { start }, lastT: startT };
  if (r < 0.43) {
    // Still ongoing: an open end after the last time it was seen ("2016-03/.."). A bare ".." is
    // what the schema comment describes, but edtfSchema rejects it (see docs/BENCHMARKS.md).
    const seenT = Math.min(startT + int(rng, 30, 700) * DAY, T2022_END);
    return { period: { start, end: `${chance(rng, 0.5) ? monthText(seenT) : dayText(seenT)}/..` }, lastT: seenT };
  }
  // Durations from a day to about three years, log-uniform.
  const endT = Math.min(startT + Math.round(Math.exp(rng() * Math.log(1100))) * DAY, T2022_END);
  let endPrecision = chance(rng, 0.75) ? precision : datePrecisionOf(rng);
  if (endPrecision === 'month-interval') endPrecision = 'month';
  return { period: { start, end: edtfAt(rng, endT, endPrecision) }, lastT: endT };
}

function attribution(rng, sponsor) {
  const a = {
    sponsor,
    relation: relationOf(rng),
    confidence: int(rng, 20, 95),
    basis: basisOf(rng),
    attributedBy: pick(rng, ATTRIBUTORS),
    sources: chance(rng, 0.4) ? [source(rng, undefined)] : [],
  };
  if (chance(rng, 0.6)) a.actorName = pick(rng, ACTOR_NAMES);
  return a;
}

function victim(rng, state) {
  const v = { state };
  if (chance(rng, 0.9)) v.category = targetOfIncident(rng);
  if (chance(rng, 0.5)) v.sector = pick(rng, SECTORS);
  if (chance(rng, 0.4)) v.entity = `${state} ${pick(rng, SECTORS)} ${pick(rng, ENTITY_KINDS)} ${int(rng, 1, 400)}`;
  return v;
}

export function incidentId(index) {
  return `syn-i-${pad(index, 7)}`;
}

/**
 * Incident `index` (validated shape), generated from its own seed: the same index always gives the
 * same incident, whatever else is generated and in whatever chunks.
 */
export function incidentAt(index, seed = DEFAULT_SEED) {
  const rng = mulberry32(mixSeed(seed, index));
  const { period: p, lastT } = period(rng);
  const sponsor = sponsorOf(rng);
  const attributions = [attribution(rng, sponsor)];
  if (chance(rng, 0.3)) {
    // A second attribution: usually the same sponsor by another attributor (OPM-style), else another state.
    let other = sponsor;
    if (chance(rng, 0.4)) while (other === sponsor) other = sponsorOf(rng);
    attributions.push(attribution(rng, other));
  }
  const victimCount = pick(rng, [1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
  const firstVictim = (() => {
    let v = victimOf(rng);
    while (v === sponsor) v = victimOf(rng);
    return v;
  })();
  const victims = [victim(rng, firstVictim)];
  for (let k = 1; k < victimCount; k += 1) {
    let state = firstVictim;
    if (chance(rng, 0.35)) while (state === firstVictim || state === sponsor) state = victimOf(rng);
    victims.push(victim(rng, state));
  }
  const activities = chance(rng, 0.03)
    ? []
    : distinct(rng, activityOfIncident, chance(rng, 0.3) ? 2 : 1).map((type) => ({ type, certainty: chance(rng, 0.8) ? 'confirmed' : 'possible' }));
  const disclosed = chance(rng, 0.6) ? dayText(Math.min(lastT + int(rng, 0, 400) * DAY, Date.UTC(2023, 11, 31))) : undefined;
  const sources = [];
  for (let k = int(rng, 1, 3); k > 0; k -= 1) sources.push(source(rng, disclosed));
  return {
    id: incidentId(index),
    title: `${sponsor}-attributed ${activities[0]?.type.replace(/-/g, ' ') ?? 'activity'} against ${firstVictim} ${victims[0].sector ?? 'targets'} (${p.start.slice(0, 4)})`,
    summary: `Synthetic incident for benchmarks. ${words(rng, int(rng, 30, 80))}.`,
    period: p,
    ...(disclosed === undefined ? {} : { disclosed }),
    activities,
    means: meansOf(rng).slice(),
    attributions,
    victims,
    sources,
    provenance: { origin: 'added', note: 'Synthetic benchmark record (bench/synthetic.js).' },
    disputes: chance(rng, 0.05) ? [{ field: 'period.start', note: 'Sources disagree on when the intrusion began.', status: 'disagree' }] : [],
  };
}

/** Incidents [from, from + count). */
export function generateIncidents(count, { seed = DEFAULT_SEED, from = 0 } = {}) {
  const out = new Array(count);
  for (let i = 0; i < count; i += 1) out[i] = incidentAt(from + i, seed);
  return out;
}

/**
 * The same incident with new content (another attribution confidence and a revised summary), as
 * when an analyst edits one record: it gets a new content hash and must be re-evaluated.
 */
export function changeIncident(incident, revision) {
  const [first, ...rest] = incident.attributions;
  return {
    ...incident,
    summary: `${incident.summary} (revision ${revision})`,
    attributions: [{ ...first, confidence: 20 + ((first.confidence - 20 + 37 + revision) % 76) }, ...rest],
  };
}

// ---------------------------------------------------------------------------------------------
// Check mode: validate against the zod schemas

function assertValid(schema, value, what) {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`synthetic ${what} ${value.id} is invalid: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
  // The generator already fills every default, so parsing must not change anything.
  if (!isDeepStrictEqual(result.data, value)) throw new Error(`synthetic ${what} ${value.id} differs from its parsed form`);
}

/**
 * Validates all groups and agreements and `sample` incidents spread over [0, incidents) with the
 * zod schemas (throws on the first invalid record). Returns how many records were checked.
 */
export function checkSample({ agreements = DEFAULT_AGREEMENTS, incidents = 10_000, sample = 1_000, seed = DEFAULT_SEED } = {}) {
  const groups = generateGroups();
  for (const g of groups) assertValid(groupSchema, g, 'group');
  const inputs = generateAgreementInputs(agreements, seed);
  for (const a of inputs) assertValid(agreementSchema, a, 'agreement');
  const ids = new Set(inputs.map((a) => a.id));
  if (ids.size !== inputs.length) throw new Error('synthetic agreement ids are not unique');
  const n = Math.min(sample, incidents);
  const step = Math.max(1, Math.floor(incidents / n));
  let checked = 0;
  for (let i = 0; i < incidents && checked < n; i += step) {
    const incident = incidentAt(i, seed);
    assertValid(incidentSchema, incident, 'incident');
    assertValid(incidentSchema, changeIncident(incident, 1), 'changed incident');
    checked += 1;
  }
  return { groups: groups.length, agreements: inputs.length, incidents: checked };
}

/** A short profile of the generated data, for the benchmark report. */
export function describeData(agreements, incidents) {
  const refrain = agreements.flatMap((a) => a.commitments).filter((c) => c.obligation === 'refrain').length;
  const commitments = agreements.reduce((s, a) => s + a.commitments.length, 0);
  const dates = new Set();
  let attributions = 0;
  let victims = 0;
  let open = 0;
  for (const i of incidents) {
    dates.add(i.period.start);
    if (i.period.end !== undefined) dates.add(i.period.end);
    if (i.period.end?.endsWith('..') === true) open += 1;
    attributions += i.attributions.length;
    victims += i.victims.length;
  }
  return {
    agreements: agreements.length,
    bilateral: agreements.filter((a) => a.parties.length === 2 && a.parties.every((p) => 'state' in p)).length,
    withGroupParty: agreements.filter((a) => a.parties.some((p) => 'group' in p)).length,
    commitments,
    refrainCommitments: refrain,
    commitmentsPerAgreement: Math.round((commitments / agreements.length) * 100) / 100,
    incidents: incidents.length,
    attributionsPerIncident: Math.round((attributions / Math.max(1, incidents.length)) * 100) / 100,
    victimsPerIncident: Math.round((victims / Math.max(1, incidents.length)) * 100) / 100,
    openEnded: open,
    distinctDateStrings: dates.size,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI: node bench/synthetic.js --check [--incidents N] [--seed S]

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
  };
  const incidents = arg('--incidents', 5_000);
  const seed = arg('--seed', DEFAULT_SEED);
  const started = performance.now();
  const checked = checkSample({ incidents, sample: incidents, seed });
  console.log(`valid against the zod schemas: ${checked.groups} groups, ${checked.agreements} agreements, ${checked.incidents} incidents (and their changed versions) in ${Math.round(performance.now() - started)} ms`);
  const { createComplianceEngine } = await import('@pactwatch/domain');
  const agreements = generateAgreements(DEFAULT_AGREEMENTS, seed);
  const list = generateIncidents(incidents, { seed });
  console.log(describeData(agreements, list));
  const findings = createComplianceEngine(agreements, generateGroups(), { confidenceThreshold: 70 }).evaluateAll(list);
  const verdicts = {};
  for (const f of findings) verdicts[f.verdict] = (verdicts[f.verdict] ?? 0) + 1;
  console.log({ findings: findings.length, findingsPerIncident: Math.round((findings.length / list.length) * 100) / 100, verdicts });
}
