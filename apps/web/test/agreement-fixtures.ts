import type { Agreement, ContextEvent, FindingContract, TrendReportJson } from '@pactwatch/domain';

type Check = FindingContract['checks'][number];

const check = (dimension: Check['dimension'], value: Check['value'], reason = `${dimension} ${value}`, facts: Record<string, unknown> = {}): Check => ({ dimension, value, reason, facts });

/** A finding with every check true unless `falses`/`unknowns` say otherwise, dated by `period`. */
export function finding(incident: string, verdict: FindingContract['verdict'], options: { period?: string; falses?: Check['dimension'][]; reasons?: Partial<Record<Check['dimension'], string>>; override?: FindingContract['override']; commitment?: string } = {}): FindingContract {
  const dims: Check['dimension'][] = ['timing', 'parties', 'activity', 'target', 'means', 'actor', 'confidence'];
  return {
    agreement: 'us-cn-2015',
    commitment: options.commitment ?? 'us-cn-2015/no-ip-theft',
    incident,
    verdict,
    rule: 'V-test',
    summary: `summary of ${incident}`,
    sponsor: 'CN',
    victim: 'US',
    checks: dims.map((d) =>
      check(d, options.falses?.includes(d) === true ? 'false' : 'true', options.reasons?.[d] ?? `${d} ${options.falses?.includes(d) === true ? 'false' : 'true'}`, d === 'timing' ? { incidentPeriod: options.period ?? '2016-03', effectiveFrom: '2015-09-25' } : { covers: ['private-sector'] }),
    ),
    alternatives: [],
    ...(options.override === undefined ? {} : { override: options.override }),
  };
}

/** The curated OPM finding's shape: before the agreement, and outside its scope on activity and targets. */
export const OPM = finding('cn-us-opm-2015', 'before-in-force', {
  period: '2014-03/2015-06',
  falses: ['timing', 'activity', 'target', 'confidence'],
  reasons: { target: 'government, not covered (covers private-sector)', activity: 'personal-data-theft, not covered (covers commercial-espionage)' },
});

export const FINDINGS: FindingContract[] = [
  OPM,
  finding('cn-us-crowdstrike-post-accord-2015', 'possible-breach', { period: '2015-10' }),
  finding('cn-us-claiborne-humint-2017', 'outside-scope', { period: '2017', falses: ['activity', 'target', 'means'] }),
  finding('cn-us-overridden-2016', 'possible-breach', { period: '2016-05', override: { verdict: 'breach', note: 'Confirmed by the indictment', author: 'ana', createdAt: '2026-01-02T10:00:00Z' } }),
  finding('cn-us-early-2014', 'before-in-force', { period: '2014-02', falses: ['timing'] }),
];

export const AGREEMENT: Agreement = {
  id: 'us-cn-2015',
  title: 'FACT SHEET: President Xi Jinping’s State Visit to the United States (cyber commitments)',
  shortTitle: 'US–China cyber commitments (2015)',
  kind: 'joint-statement',
  parties: [{ state: 'US' }, { state: 'CN' }],
  signed: '2015-09-25',
  status: 'announced',
  summary: 'Five cyber points.',
  sources: [{ publisher: 'The White House', title: 'FACT SHEET', date: '2015-09-25' }],
  provenance: { origin: 'seed-article', seeds: ['burgess-2017'] },
  disputes: [],
  commitments: [
    {
      id: 'us-cn-2015/no-ip-theft',
      localId: 'no-ip-theft',
      agreementId: 'us-cn-2015',
      title: 'Neither government will conduct or knowingly support cyber-enabled theft of intellectual property',
      obligation: 'refrain',
      text: 'The United States and China agree that neither country’s government will conduct or knowingly support cyber-enabled theft of intellectual property.',
      source: { publisher: 'Sputnik', title: 'US–China agreement', url: 'https://example.org/sputnik', quoteStatus: 'verbatim' },
      scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted-or-supported', direction: 'mutual', rationale: 'Commercial theft only.' },
      disputes: [],
    },
  ],
} as Agreement;

export const EVENTS: ContextEvent[] = [
  { id: 'us-pla-indictment-2014', kind: 'indictment', title: 'US indicts five PLA officers', date: '2014-05-19', states: ['US', 'CN'], agreements: [], commitments: [], summary: 's', sources: [{ publisher: 'DOJ', title: 't' }], provenance: { origin: 'seed-article', seeds: ['iasiello-2016'] }, disputes: [] },
  { id: 'us-cn-dialogue-1', kind: 'dialogue-round', title: 'First dialogue on cybercrime', date: '2015-12-01', states: ['US', 'CN'], agreements: ['us-cn-2015'], commitments: [], summary: 's', sources: [{ publisher: 'DOJ', title: 't' }], provenance: { origin: 'seed-article', seeds: ['iasiello-2016'] }, disputes: [] },
  { id: 'ru-only', kind: 'statement', title: 'Unrelated statement', date: '2016-01-01', states: ['RU'], agreements: [], commitments: [], summary: 's', sources: [{ publisher: 'X', title: 't' }], provenance: { origin: 'seed-article', seeds: ['iasiello-2016'] }, disputes: [] },
] as ContextEvent[];

const periods = Array.from({ length: 6 }, (_, i) => ({ label: String(2012 + i), start: i, end: i + 1, count: [1, 2, 1, 3, 0, 1][i] ?? 0, exposure: 1 }));

/** A fitted report: intercept, time and level, with a covariance to derive the band from. */
export const TREND_FITTED: TrendReportJson = {
  agreement: { id: 'us-cn-2015', title: 'US–China', effective: '2015-09-25' },
  request: { agreementId: 'us-cn-2015', methods: ['rate-ratio', 'its'], from: '2012-01-01', to: '2017-12-31', by: 'year' },
  series: {
    granularity: 'year',
    periods: [...periods, { label: 'future', start: 6, end: 7, count: null, exposure: 0 }],
    items: 8,
    exact: 8,
    spread: 0,
    excluded: { uncertain: 0, unbounded: 0, undated: 0, outsideWindow: 0 },
    weightOutside: 0,
    total: 8,
  },
  analysis: {
    breakLabel: '2015',
    breakIndex: 3,
    rateRatio: {
      before: { from: '2012', to: '2014', count: 4, exposure: 3 },
      after: { from: '2015', to: '2017', count: 4, exposure: 3 },
      rounded: false,
      result: { rateBefore: 4 / 3, rateAfter: 4 / 3, rateRatio: 1, confInt: [0.19, 5.3], pValue: 1, expectedCountAfter: 4, nullRatio: 1, confLevel: 0.95, alternative: 'two-sided', twoSidedRule: 'minlike' },
    },
    its: {
      family: 'quasipoisson',
      fittedFamily: 'quasipoisson',
      negbinFellBackToPoisson: false,
      breakIndex: 3,
      confLevel: 0.95,
      coefficients: [
        { name: 'intercept', estimate: 0.2, se: 0.5, confInt: [-0.78, 1.18], rateRatio: 1.22, rateRatioConfInt: [0.46, 3.26] },
        { name: 'time', estimate: 0.1, se: 0.2, confInt: [0.02, 0.18], rateRatio: 1.105, rateRatioConfInt: [1.02, 1.2] },
        { name: 'level', estimate: -1.2, se: 0.3, confInt: [-1.79, -0.61], rateRatio: 0.3, rateRatioConfInt: [0.17, 0.54] },
      ],
      covariance: [
        [0.25, -0.02, 0.01],
        [-0.02, 0.04, -0.01],
        [0.01, -0.01, 0.09],
      ],
      deviance: 3.2,
      nullDeviance: 5.1,
      dfResidual: 3,
      dfNull: 5,
      pearsonChi2: 3.3,
      dispersion: 1.1,
      exactFit: false,
      aic: null,
      logLik: null,
      theta: null,
      thetaSe: null,
      iterations: 5,
      alternations: null,
      converged: true,
      fitted: [1.3, 1.4, 1.6, 0.5, 0.6, 0.7],
      counterfactual: [1.3, 1.4, 1.6, 1.8, 2.0, 2.2],
    },
    reading: 'Against the pre-agreement trend, the level after the break changed by a factor of 0.3.',
    // What the domain's trendVerdict gives for this analysis (the server sends it).
    verdict: { direction: 'fewer', measure: 'its-level', ratio: 0.3, interval: [0.17, 0.54], preTrend: 'rising', reason: null },
  },
};

/** The curated US–China shape: no events before, so the model fails and the rate ratio is unbounded (JSON null). */
export const TREND_UNFITTED: TrendReportJson = {
  ...TREND_FITTED,
  analysis: {
    breakLabel: '2015',
    breakIndex: 3,
    rateRatio: { before: { from: 'a', to: 'b', count: 0, exposure: 36 }, after: { from: 'c', to: 'd', count: 2, exposure: 37 }, rounded: false, result: { rateBefore: 0, rateAfter: 2 / 37, rateRatio: null, confInt: [0.18, null], pValue: 0.5, expectedCountAfter: 1.01, nullRatio: 1, confLevel: 0.95, alternative: 'two-sided', twoSidedRule: 'minlike' } },
    its: { error: { code: 'STATS_SEPARATION', message: 'every count before the break is zero, so the level change is infinite' } },
    reading: 'The interrupted time series could not be fitted.',
    verdict: { direction: 'no-clear-change', measure: 'rate-ratio', ratio: null, interval: [0.18, null], preTrend: null, reason: null },
  },
};
