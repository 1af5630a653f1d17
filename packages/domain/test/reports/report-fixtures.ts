import { analyseTrend, buildCountSeries, parseUncertainDate, buildScorecard, createComplianceEngine, type Agreement, type Incident, type ReportInput, type ReportScope, type TrendReport } from '@pactwatch/domain';
import { agreement, incident } from '../builders.js';

export const DOJ = { publisher: 'U.S. Department of Justice', title: 'Indictment', date: '2016-05-01', url: 'https://justice.example/indictment' };
export const PRESS = { publisher: 'Press | Agency', title: 'Report on *things*', url: 'https://press.example/a' };

/** A breach, a weakly attributed possible breach, a government-victim gap, a HUMINT gap and one before the agreement. */
export function reportIncidents(): Incident[] {
  return [
    incident({ id: 'b-breach', title: 'Theft from Acme', attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 85, basis: 'indictment', attributedBy: 'DOJ', sources: [DOJ] }], sources: [PRESS, DOJ] }),
    incident({ id: 'a-possible', title: 'Weakly attributed intrusion', attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 40, basis: 'vendor-report', attributedBy: 'Vendor' }], sources: [PRESS] }),
    incident({ id: 'c-government', title: 'Government personnel records', activities: [{ type: 'political-military-espionage' }], victims: [{ state: 'US', category: 'government' }] }),
    incident({ id: 'd-humint', title: 'Recruited insider', means: ['humint'] }),
    incident({ id: 'e-early', title: 'Before the accord', period: { start: '2014-03-01', end: '2014-05-01' }, victims: [{ state: 'US', category: 'government' }], activities: [{ type: 'political-military-espionage' }] }),
  ];
}

export function monthlyTrend(a: Agreement): TrendReport {
  const items = Array.from({ length: 48 }, (_, m) => m).flatMap((m) => {
    const count = m < 24 ? 4 + (m % 3) : 1 + (m % 2);
    return Array.from({ length: count }, (_, k) => {
      return { id: `i-${m}-${k}`, date: parseUncertainDate(new Date(Date.UTC(2013, 9 + m, 5)).toISOString().slice(0, 10)) };
    });
  });
  const series = buildCountSeries(items, { granularity: 'month', from: Date.UTC(2013, 9, 1), to: Date.UTC(2017, 8, 30), uncertain: 'spread' });
  const analysis = analyseTrend(series, { methods: ['rate-ratio', 'its', 'changepoints'], breakAt: Date.UTC(2015, 8, 25) });
  return { agreement: { id: a.id, title: a.shortTitle ?? a.title, effective: a.signed }, request: { agreementId: a.id, methods: ['rate-ratio', 'its', 'changepoints'], from: '2013-10', to: '2017-09', by: 'month' }, series, analysis };
}

export function reportInput(options: { scope?: ReportScope; asOf?: string; agreements?: Agreement[]; trend?: boolean } = {}): ReportInput {
  const agreements = options.agreements ?? [agreement()];
  const incidents = reportIncidents();
  const engine = createComplianceEngine(agreements, [], { confidenceThreshold: 70 });
  // Shuffled on purpose: the builder must order them itself.
  const findings = incidents.flatMap((i) => engine.evaluateIncident(i)).reverse();
  return {
    scope: options.scope ?? { kind: 'agreement', agreementId: agreements[0]?.id ?? '' },
    asOf: options.asOf,
    agreements: [...agreements].reverse(),
    scorecards: agreements.map((a) => buildScorecard(a, findings)),
    cooperation: null,
    findings,
    incidents,
    trends: agreements.map((a) => (options.trend === true ? { agreementId: a.id, title: a.title, report: monthlyTrend(a), error: null } : { agreementId: a.id, title: a.title, report: null, error: { code: 'STATS_INSUFFICIENT_DATA', message: 'too few observations' } })),
    provenance: { confidenceThreshold: 70, engineVersion: '1', rulesetHash: 'abc', loads: [{ kind: 'dataset', source: '/data', status: 'finished', read: 6, stored: 6, quarantined: 0 }] },
    excluded: [],
  };
}
