import type { CooperationFinding } from '../compliance/cooperation.js';
import { DIMENSION_RULES, excludingDimensions, VERDICT_RULES } from '../compliance/rules.js';
import type { Scorecard } from '../compliance/scorecard.js';
import { DIMENSIONS, type Dimension, type Finding, type VerdictOverride } from '../compliance/types.js';
import type { Agreement, Commitment, Direction } from '../model/agreement.js';
import type { Source } from '../model/common-schemas.js';
import type { Incident } from '../model/incident.js';
import { CitationRegistry } from './citations.js';
import { REPORT_FORMAT, REPORT_VERSION, type Report, type ReportAgreement, type ReportCommitment, type ReportExclusion, type ReportFinding, type ReportGap, type ReportGapEntry, type ReportLoad, type ReportQuote, type ReportScope } from './report-model.js';
import { compareText } from './report-order.js';
import { describeDatasets } from './report-provenance.js';
import { buildTrendSection, trendExclusions, type ReportTrendInput } from './report-trend-section.js';

export type ReportFindingInput = Finding & { readonly override?: VerdictOverride };

/** Everything a report shows, gathered by the backend; the builder only orders, numbers and words it. */
export interface ReportInput {
  readonly scope: ReportScope;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** YYYY-MM-DD; the only date the report prints. */
  readonly asOf?: string | undefined;
  readonly agreements: readonly Agreement[];
  /** One per agreement, built from the findings in scope. */
  readonly scorecards: readonly Scorecard[];
  /** Null when cooperation was not judged (no as-of date). */
  readonly cooperation: readonly CooperationFinding[] | null;
  /** The findings in scope (already filtered to the scope's dyad and dates). */
  readonly findings: readonly ReportFindingInput[];
  /** At least every incident a finding names. */
  readonly incidents: readonly Incident[];
  readonly trends: readonly ReportTrendInput[];
  readonly provenance: { readonly confidenceThreshold: number; readonly engineVersion: string | null; readonly rulesetHash: string | null; readonly loads: readonly ReportLoad[] };
  /** What the service left out before building (e.g. incidents outside --from/--to). */
  readonly excluded: readonly ReportExclusion[];
}

const byFindingKey = (a: Pick<Finding, 'agreementId' | 'commitmentId' | 'incidentId'>, b: Pick<Finding, 'agreementId' | 'commitmentId' | 'incidentId'>): number =>
  compareText(a.agreementId, b.agreementId) || compareText(a.commitmentId, b.commitmentId) || compareText(a.incidentId, b.incidentId);

function directionText(direction: Direction): string {
  if (direction === 'mutual') return 'mutual';
  return `${direction.bound.join(', ')} bound${direction.protected === undefined ? '' : ` toward ${direction.protected.join(', ')}`}`;
}

function quotesOf(sources: readonly Source[], citations: CitationRegistry): ReportQuote[] {
  return sources.flatMap((s) => (s.quote === undefined ? [] : [{ text: s.quote, status: s.quoteStatus ?? null, citation: citations.cite(s) }]));
}

function commitmentSection(c: Commitment, citations: CitationRegistry): ReportCommitment {
  return {
    id: c.id,
    title: c.title,
    obligation: c.obligation,
    text: c.text,
    citation: citations.cite(c.source),
    // A source quoting the commitment word for word says so beside the text instead of repeating it.
    textStatus: c.source.quote !== undefined && c.source.quote.trim() === c.text.trim() ? (c.source.quoteStatus ?? 'quoted') : null,
    quotes: quotesOf([c.source], citations).filter((q) => q.text.trim() !== c.text.trim()),
    scope: c.scope === undefined ? null : { activities: c.scope.activities, targets: c.scope.targets, means: c.scope.means, actor: c.scope.actor, direction: directionText(c.scope.direction), rationale: c.scope.rationale },
  };
}

function agreementSection(a: Agreement, scorecard: Scorecard | undefined, cooperation: readonly CooperationFinding[] | null, citations: CitationRegistry): ReportAgreement {
  const citationList = citations.citeAll(a.sources);
  const counts = { breach: 0, 'possible-breach': 0, 'outside-scope': 0, 'before-in-force': 0 };
  return {
    id: a.id,
    title: a.title,
    shortTitle: a.shortTitle ?? null,
    kind: a.kind,
    parties: a.parties.map((p) => ('state' in p ? p.state : `group:${p.group}`)),
    signed: a.signed,
    inForce: a.inForce ?? null,
    ended: a.ended ?? null,
    status: a.status,
    summary: a.summary,
    citations: citationList,
    quotes: quotesOf(a.sources, citations),
    commitments: [...a.commitments].sort((x, y) => compareText(x.id, y.id)).map((c) => commitmentSection(c, citations)),
    scorecard: {
      counts: scorecard?.counts ?? counts,
      countsWithOverrides: scorecard?.countsWithOverrides ?? counts,
      overrides: scorecard?.overrides ?? 0,
      commitments: [...(scorecard?.commitments ?? [])].sort((x, y) => compareText(x.commitmentId, y.commitmentId)),
      cooperation:
        cooperation === null
          ? null
          : cooperation
              .filter((c) => c.agreementId === a.id)
              .map((c) => ({ commitmentId: c.commitmentId, status: c.status, reasons: c.reasons }))
              .sort((x, y) => compareText(x.commitmentId, y.commitmentId)),
    },
  };
}

function findingSection(f: ReportFindingInput, incident: Incident | undefined, commitmentTitle: string, citations: CitationRegistry): ReportFinding {
  const attribution = incident?.attributions[f.attributionIndex];
  // Attribution sources first: they are the evidence for the verdict's weakest link.
  const attributionCitations = attribution === undefined ? [] : citations.citeAll(attribution.sources);
  const incidentCitations = citations.citeAll(incident?.sources ?? []);
  return {
    agreementId: f.agreementId,
    commitmentId: f.commitmentId,
    commitmentTitle,
    incidentId: f.incidentId,
    incidentTitle: incident?.title ?? f.incidentId,
    incidentStart: incident?.period.start ?? '',
    verdict: f.verdict,
    rule: f.rule,
    summary: f.summary,
    sponsor: f.dyad.sponsor,
    victim: f.dyad.victim,
    attribution:
      attribution === undefined
        ? null
        : { sponsor: attribution.sponsor, actor: attribution.actorName ?? attribution.actor ?? null, relation: attribution.relation, confidence: attribution.confidence, basis: attribution.basis, attributedBy: attribution.attributedBy, citations: attributionCitations },
    checks: DIMENSIONS.flatMap((d) => f.checks.filter((c) => c.dimension === d).map((c) => ({ dimension: c.dimension, value: c.value, reason: c.reason }))),
    override: f.override === undefined ? null : { verdict: f.override.verdict, note: f.override.note, author: f.override.author },
    citations: [...new Set([...attributionCitations, ...incidentCitations])],
  };
}

/**
 * Incidents the commitments do not cover, by the dimension that leaves them out: every finding
 * with a false scope check, whatever its date (an incident before the agreement may still show
 * what the text leaves open), and outside-scope incidents that began after the agreement ended.
 */
function gapSections(findings: readonly ReportFindingInput[], incidents: ReadonlyMap<string, Incident>, citations: CitationRegistry): ReportGap[] {
  const byDimension = new Map<Dimension, ReportGapEntry[]>();
  for (const f of findings) {
    if (f.verdict !== 'outside-scope' && f.verdict !== 'before-in-force') continue;
    const scope = excludingDimensions(f.checks);
    const afterEnd = f.verdict === 'outside-scope' ? f.checks.filter((c) => c.dimension === 'timing' && c.value === 'false').map((c) => c.dimension) : [];
    const dimensions = scope.length > 0 ? scope : afterEnd;
    for (const dimension of dimensions) {
      const incident = incidents.get(f.incidentId);
      const entries = byDimension.get(dimension) ?? [];
      entries.push({
        agreementId: f.agreementId,
        commitmentId: f.commitmentId,
        incidentId: f.incidentId,
        incidentTitle: incident?.title ?? f.incidentId,
        verdict: f.verdict,
        sponsor: f.dyad.sponsor,
        victim: f.dyad.victim,
        reason: f.checks.find((c) => c.dimension === dimension)?.reason ?? '',
        citations: citations.citeAll(incident?.sources ?? []),
      });
      byDimension.set(dimension, entries);
    }
  }
  return DIMENSIONS.flatMap((dimension) => {
    const entries = byDimension.get(dimension);
    return entries === undefined ? [] : [{ dimension, description: DIMENSION_RULES.find((r) => r.id === dimension)?.description ?? dimension, entries }];
  });
}

function titleOf(scope: ReportScope, agreements: readonly Agreement[]): string {
  if (scope.kind === 'agreement') {
    const a = agreements.find((x) => x.id === scope.agreementId);
    return `Compliance report: ${a?.shortTitle ?? a?.title ?? scope.agreementId}`;
  }
  if (scope.kind === 'dyad') return `Compliance report: ${scope.sponsor} → ${scope.victim}`;
  return `Compliance report: ${scope.state} as sponsor`;
}

/** Builds the report model: stable order everywhere, sources numbered in the order they are first cited. */
export function buildReport(input: ReportInput): Report {
  const citations = new CitationRegistry();
  const agreements = [...input.agreements].sort((a, b) => compareText(a.id, b.id));
  const incidents = new Map(input.incidents.map((i) => [i.id, i] as const));
  const commitmentTitles = new Map(agreements.flatMap((a) => a.commitments.map((c) => [c.id, c.title] as const)));
  const findings = [...input.findings].sort(byFindingKey);
  // Visited in the order the renderers print them, so citation numbers read in increasing order.
  const agreementSections = agreements.map((a) => agreementSection(a, input.scorecards.find((s) => s.agreementId === a.id), input.cooperation, citations));
  const section = (verdict: 'breach' | 'possible-breach'): ReportFinding[] =>
    findings.filter((f) => f.verdict === verdict).map((f) => findingSection(f, incidents.get(f.incidentId), commitmentTitles.get(f.commitmentId) ?? f.commitmentId, citations));
  const breaches = section('breach');
  const possibleBreaches = section('possible-breach');
  const gaps = gapSections(findings, incidents, citations);
  const trendInputs = [...input.trends].sort((a, b) => compareText(a.agreementId, b.agreementId));
  const trends = trendInputs.map(buildTrendSection);

  const beforeInForce = [...new Set(findings.filter((f) => f.verdict === 'before-in-force').map((f) => f.incidentId))].sort(compareText);
  const excluded: ReportExclusion[] = [
    ...input.excluded,
    ...(beforeInForce.length === 0 ? [] : [{ what: 'incidents before the agreement took effect', count: beforeInForce.length, reason: 'an agreement cannot be breached before it takes effect: they are counted in the scorecard (before in force), never listed as breaches; those of a kind the commitment does not cover are listed under gaps', ids: beforeInForce }]),
    ...trendInputs.flatMap(trendExclusions),
  ];
  const firedRules = VERDICT_RULES.map((r) => ({ id: r.id, verdict: r.verdict, description: r.description, findings: findings.filter((f) => f.rule === r.id).length })).filter((r) => r.findings > 0);
  const usedIncidents = [...new Set(findings.map((f) => f.incidentId))].flatMap((id) => {
    const incident = incidents.get(id);
    return incident === undefined ? [] : [incident];
  });
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: titleOf(input.scope, agreements),
    scope: input.scope,
    period: { from: input.from ?? null, to: input.to ?? null },
    asOf: input.asOf ?? null,
    agreements: agreementSections,
    breaches,
    possibleBreaches,
    gaps,
    trends,
    methods: {
      confidenceThreshold: input.provenance.confidenceThreshold,
      engineVersion: input.provenance.engineVersion,
      rulesetHash: input.provenance.rulesetHash,
      dimensions: DIMENSION_RULES.map((r) => ({ id: r.id, description: r.description })),
      rules: firedRules,
      datasets: describeDatasets(agreements, usedIncidents),
      loads: input.provenance.loads,
      excluded,
      notes: [
        'Verdicts are computed by the rules above from the recorded facts; an analyst\'s override is shown beside the computed verdict, never instead of it.',
        `A breach needs every check true, including an attribution at least ${input.provenance.confidenceThreshold} of 100 confident; below that, or with a check unknown, the verdict is a possible breach.`,
        'Each agreement\'s trend counts every incident within its commitments\' scope whatever its sponsor, victim or date range asked for here, around the date the agreement took effect; uncertain dates are spread over the periods they may fall in.',
        'Trend statistics are observational: they show whether incidents changed, not why.',
        ...(input.cooperation === null ? ['Cooperation commitments (dialogues, assistance) are listed but not judged: their status depends on the date, and this report was made without an as-of date.'] : []),
      ],
    },
    citations: citations.list(),
  };
}
