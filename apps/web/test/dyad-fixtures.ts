/** A dyad answer as GET /api/v1/dyads/CN-US returns it (trimmed), for the dyad tests. */
const YEAR = (y: number) => Date.UTC(y, 0, 1);

export const SERIES = {
  granularity: 'year',
  periods: [2014, 2015, 2016].map((y, i) => ({ label: String(y), start: YEAR(y), end: YEAR(y + 1), count: [2, 1.5, 0][i] as number, exposure: 1 })),
  items: 4,
  exact: 3,
  spread: 1,
  excluded: { uncertain: 0, unbounded: 0, undated: 0, outsideWindow: 0 },
  weightOutside: 0,
  total: 3.5,
};

export const REPORT = {
  agreement: { id: 'us-cn-2015', title: 'US–China 2015', effective: '2015-09-25' },
  request: { from: '2012-09-24', to: '2018-09-24', by: 'quarter' },
  series: {
    granularity: 'quarter',
    items: 2,
    total: 2,
    periods: ['2015-Q2', '2015-Q3', '2015-Q4', '2016-Q1'].map((label, i) => ({ label, start: i, end: i + 1, count: i === 3 ? 2 : 0, exposure: 1 })),
  },
  analysis: {
    breakLabel: '2015-Q3',
    breakIndex: 1,
    rateRatio: { before: { from: '2015-Q2', to: '2015-Q2', count: 0, exposure: 1 }, after: { from: '2015-Q3', to: '2016-Q1', count: 2, exposure: 3 }, rounded: false, result: { rateRatio: null, confInt: [0.17, null], pValue: 0.5, confLevel: 0.95 } },
    its: {
      fittedFamily: 'poisson',
      breakIndex: 1,
      confLevel: 0.95,
      coefficients: [
        { name: 'time', estimate: -0.1, se: 0.02, rateRatio: 0.9, rateRatioConfInt: [0.85, 0.95] },
        { name: 'level', estimate: 0.2, se: 0.3, rateRatio: 1.22, rateRatioConfInt: [0.7, 2.1] },
      ],
      covariance: [],
      dispersion: 1,
      fitted: [],
      counterfactual: [],
    },
    changepoints: { pelt: { changepoints: [3] }, bocpd: { changepoints: [], hazard: 0.01 }, context: [{ changepointIndex: 3, nearestEvents: [{ event: { label: 'Xi state visit' }, distancePeriods: -2 }] }], rounded: false },
    reading: 'Comparing 2 event(s) in 3 period(s) after with 0 in 1 before, the rate after was higher; the interval includes no change.',
    verdict: { direction: 'no-clear-change', measure: 'its-level', ratio: 1.22, interval: [0.7, 2.1], preTrend: 'falling', reason: null },
  },
};

export const DYAD = {
  sponsor: 'CN',
  victim: 'US',
  incidents: 7,
  breach: 1,
  possibleBreach: 2,
  perYear: SERIES,
  verdicts: { breach: 1, 'possible-breach': 3, 'outside-scope': 5, 'before-in-force': 4 },
  agreements: [
    { id: 'us-cn-2015', title: 'US–China 2015', signed: '2015-09-25', inForce: null, trend: { source: 'cache', computedAt: '2026-01-01T00:00:00Z', report: REPORT, error: null } },
    { id: 'g20-antalya-2015', title: 'G20 Antalya', signed: '2015-11-16', inForce: null, trend: { source: 'computed', computedAt: '2026-01-01T00:00:00Z', report: null, error: { code: 'STATS_INSUFFICIENT_DATA', message: 'the agreement date must fall inside the series' } } },
  ],
};

export const SCORECARDS = {
  items: [{ agreementId: 'us-cn-2015', title: 'US–China 2015', signed: '2015-09-25', counts: { breach: 2, 'possible-breach': 6, 'outside-scope': 9, 'before-in-force': 11 }, incidents: {}, countsWithOverrides: {}, overrides: 0, commitments: [], gaps: [], cooperation: [] }],
  nextCursor: null,
};
