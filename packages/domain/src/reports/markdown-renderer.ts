import type { Report, ReportAgreement, ReportFinding, ReportGap, ReportTrend } from './report-model.js';
import { formatInterval, formatRate, formatRatio } from './report-readings.js';
import { CHECK_LABELS, PRE_TREND_LABELS, citationMarks, citationText, DIRECTION_LABELS, isWebUrl, periodText, scopeText, VERDICT_LABELS, VERDICT_ORDER } from './report-text.js';

/** Text that Markdown must not read as markup. */
export function mdText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function agreementLines(a: ReportAgreement): string[] {
  const lines = [`### ${mdText(a.shortTitle ?? a.title)} (${code(a.id)})`, ''];
  if (a.shortTitle !== null) lines.push(`*${mdText(a.title)}*`, '');
  lines.push(
    `- Kind: ${mdText(a.kind)}; status: ${mdText(a.status)}`,
    `- Parties: ${a.parties.map(mdText).join(', ')}`,
    `- Signed: ${mdText(a.signed)}${a.inForce === null ? '' : `; in force: ${mdText(a.inForce)}`}${a.ended === null ? '' : `; ended: ${mdText(a.ended)}`}`,
    '',
    `${mdText(a.summary)} ${citationMarks(a.citations)}`,
    '',
  );
  for (const q of a.quotes) lines.push(`> “${mdText(q.text)}”${q.status === null ? '' : ` (${mdText(q.status)})`} [${q.citation}]`, '');
  lines.push('#### Commitments', '');
  for (const c of a.commitments) {
    lines.push(`##### ${mdText(c.title)} (${code(c.id)}, ${mdText(c.obligation)})`, '', `> ${mdText(c.text)}${c.textStatus === null ? '' : ` (${mdText(c.textStatus)})`} [${c.citation}]`, '');
    for (const q of c.quotes) lines.push(`> “${mdText(q.text)}”${q.status === null ? '' : ` (${mdText(q.status)})`} [${q.citation}]`, '');
    if (c.scope !== null) {
      lines.push(
        `- Scope: activities ${c.scope.activities.map(mdText).join(', ')}; targets ${c.scope.targets.map(mdText).join(', ')}; means ${mdText(c.scope.means)}; actor ${mdText(c.scope.actor)}; direction ${mdText(c.scope.direction)}`,
        `- Coding rationale: ${mdText(c.scope.rationale)}`,
        '',
      );
    }
  }
  const s = a.scorecard;
  lines.push('#### Scorecard', '', 'Distinct incidents by their most serious verdict across the commitments.', '');
  lines.push(...table(['verdict', 'incidents', 'with analysts\' overrides'], VERDICT_ORDER.map((v) => [VERDICT_LABELS[v], String(s.counts[v]), String(s.countsWithOverrides[v])])));
  if (s.overrides > 0) lines.push(`${s.overrides} finding(s) carry an analyst's override.`, '');
  if (s.commitments.length > 0) {
    lines.push(...table(['commitment', ...VERDICT_ORDER.map((v) => VERDICT_LABELS[v])], s.commitments.map((c) => [`${mdText(c.title)} (${code(c.commitmentId)})`, ...VERDICT_ORDER.map((v) => String(c.counts[v]))])));
  }
  if (s.cooperation !== null && s.cooperation.length > 0) {
    lines.push('Cooperation commitments:', '', ...s.cooperation.map((c) => `- ${code(c.commitmentId)}: ${mdText(c.status)} (${c.reasons.map(mdText).join('; ')})`), '');
  }
  return lines;
}

function findingLines(f: ReportFinding, threshold: number, manyAgreements: boolean): string[] {
  // An incident can breach several agreements: with more than one, the heading says which.
  const lines = [`### ${mdText(f.incidentTitle)} (${code(f.incidentId)})${manyAgreements ? ` under ${code(f.agreementId)}` : ''}`, ''];
  lines.push(
    `- Verdict: **${VERDICT_LABELS[f.verdict]}** under ${mdText(f.commitmentTitle)} (${code(f.commitmentId)}), rule ${code(f.rule)}`,
    `- Sponsor → victim: ${mdText(f.sponsor)} → ${mdText(f.victim)}; incident began ${mdText(f.incidentStart)}`,
  );
  const a = f.attribution;
  if (a !== null) {
    lines.push(
      `- Attribution: ${mdText(a.sponsor)}${a.actor === null ? '' : ` (${mdText(a.actor)}, ${mdText(a.relation)})`}, by ${mdText(a.attributedBy)}; basis: ${mdText(a.basis)}; confidence ${a.confidence} of 100 (threshold ${threshold}) ${citationMarks(a.citations)}`.trimEnd(),
    );
  }
  lines.push(`- Why: ${mdText(f.summary)}`);
  if (f.override !== null) lines.push(`- Analyst's override: ${VERDICT_LABELS[f.override.verdict]} by ${mdText(f.override.author)}: ${mdText(f.override.note)}`);
  lines.push(`- Sources: ${citationMarks(f.citations)}`, '');
  lines.push(...table(['check', 'value', 'reason'], f.checks.map((c) => [c.dimension, CHECK_LABELS[c.value], mdText(c.reason)])));
  return lines;
}

function gapLines(g: ReportGap): string[] {
  return [
    `### ${g.dimension}`,
    '',
    mdText(g.description),
    '',
    ...table(
      ['incident', 'sponsor → victim', 'commitment', 'why outside', 'verdict', 'sources'],
      g.entries.map((e) => [`${mdText(e.incidentTitle)} (${code(e.incidentId)})`, `${mdText(e.sponsor)} → ${mdText(e.victim)}`, code(e.commitmentId), mdText(e.reason), VERDICT_LABELS[e.verdict], citationMarks(e.citations)]),
    ),
  ];
}

function trendLines(t: ReportTrend, charts: Readonly<Record<string, string>>): string[] {
  const lines = [`### ${mdText(t.title)} (${code(t.agreementId)})`, '', `**${DIRECTION_LABELS[t.direction]}.** ${mdText(t.reading)}`, ''];
  if (t.error !== null) return [...lines, `The trend could not be computed: ${mdText(t.error)}`, ''];
  const svg = charts[t.chartId];
  if (svg !== undefined) lines.push(`![Incidents per ${t.granularity ?? 'period'} with the fitted interrupted time series and the no-agreement projection](data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)})`, '');
  lines.push(
    `- Window: ${mdText(t.from ?? '')} to ${mdText(t.to ?? '')} by ${t.granularity ?? ''}; agreement period starts ${mdText(t.breakLabel ?? '')}; ${formatRatio(t.events)} incident(s) counted`,
    `- Estimate: ${t.measure === 'its-level' ? 'level change (interrupted time series)' : t.measure === 'rate-ratio' ? 'rate ratio after/before' : 'none'}${t.interval === null ? '' : ` ×${formatRatio(t.ratio)} (${formatInterval(t.interval)})`}`,
    `- Pre-existing trend: ${PRE_TREND_LABELS[t.preTrend ?? 'none']}${t.preTrendInterval === null ? '' : ` ×${formatRate(t.preTrendRatio)} per ${t.granularity ?? 'period'} (95% CI ${formatRate(t.preTrendInterval[0])}–${formatRate(t.preTrendInterval[1])})`}`,
    '',
    `Statistics: ${mdText(t.detail)}`,
    '',
  );
  const cell = (v: number | null): string => (v === null ? '' : String(v));
  lines.push(...table(['period', 'observed', 'fitted', 'no-agreement projection', '95% lower', '95% upper'], t.rows.map((r) => [r.period, String(r.observed), cell(r.fitted), cell(r.counterfactual), cell(r.lower), cell(r.upper)])));
  return lines;
}

function methodsLines(report: Report): string[] {
  const m = report.methods;
  const lines = ['## Methods and data provenance', ''];
  lines.push(`- Attribution confidence threshold for a breach: ${m.confidenceThreshold} of 100`);
  if (m.engineVersion !== null) lines.push(`- Compliance engine version: ${m.engineVersion}`);
  if (m.rulesetHash !== null) lines.push(`- Rule set hash (agreements, groups, threshold, engine): ${code(m.rulesetHash)}`);
  lines.push('', '### Datasets', '');
  lines.push(...table(['dataset', 'version', 'file hash', 'agreements', 'incidents'], m.datasets.map((d) => [mdText(d.name), mdText(d.version ?? ''), d.fileHash === null ? '' : code(d.fileHash), String(d.agreements), String(d.incidents)])));
  if (m.loads.length > 0) {
    lines.push('### Loads and imports in the store', '');
    lines.push(...table(['kind', 'source', 'status', 'read', 'stored', 'quarantined'], m.loads.map((l) => [mdText(l.kind), mdText(l.source), mdText(l.status), String(l.read), String(l.stored), String(l.quarantined)])));
  }
  lines.push('### Verdict rules applied', '');
  lines.push(...table(['rule', 'verdict', 'findings', 'meaning'], m.rules.map((r) => [code(r.id), VERDICT_LABELS[r.verdict], String(r.findings), mdText(r.description)])));
  lines.push('### Checks', '', ...m.dimensions.map((d) => `- **${d.id}**: ${mdText(d.description)}`), '');
  lines.push('### What was excluded and why', '');
  if (m.excluded.length === 0) lines.push('Nothing was excluded.', '');
  else lines.push(...table(['what', 'count', 'why', 'ids'], m.excluded.map((e) => [mdText(e.what), String(e.count), mdText(e.reason), e.ids.map(code).join(', ')])));
  lines.push('### Notes', '', ...m.notes.map((n) => `- ${mdText(n)}`), '');
  return lines;
}

/** The report as Markdown; `charts` maps a trend's chartId to its SVG (embedded as an image). */
export function renderMarkdown(report: Report, charts: Readonly<Record<string, string>> = {}): string {
  const lines = [`# ${mdText(report.title)}`, ''];
  if (report.asOf !== null) lines.push(`As of ${report.asOf}.`, '');
  const period = periodText(report);
  lines.push(`Scope: ${mdText(scopeText(report.scope))}${period === undefined ? '' : `; ${mdText(period)}`}.`, '');
  lines.push('## Agreements and commitments', '');
  if (report.agreements.length === 0) lines.push('No agreement falls within this scope.', '');
  for (const a of report.agreements) lines.push(...agreementLines(a));
  lines.push('## Breaches', '');
  if (report.breaches.length === 0) lines.push('No breach was found.', '');
  for (const f of report.breaches) lines.push(...findingLines(f, report.methods.confidenceThreshold, report.agreements.length > 1));
  lines.push('## Possible breaches', '');
  if (report.possibleBreaches.length === 0) lines.push('No possible breach was found.', '');
  for (const f of report.possibleBreaches) lines.push(...findingLines(f, report.methods.confidenceThreshold, report.agreements.length > 1));
  lines.push('## Gaps: incidents outside the commitments\' scope', '');
  if (report.gaps.length === 0) lines.push('No incident in this scope falls outside a commitment.', '');
  for (const g of report.gaps) lines.push(...gapLines(g));
  lines.push('## Trends', '');
  if (report.trends.length === 0) lines.push('No trend was computed.', '');
  for (const t of report.trends) lines.push(...trendLines(t, charts));
  lines.push(...methodsLines(report));
  lines.push('## References', '');
  for (const c of report.citations) lines.push(`${c.number}. ${mdText(citationText(c))}${c.url !== null && isWebUrl(c.url) ? ` <${c.url}>` : ''}`);
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
