import type { Report, ReportAgreement, ReportFinding, ReportGap, ReportTrend } from './report-model.js';
import { formatInterval, formatRate, formatRatio } from './report-readings.js';
import { REPORT_CSS } from './report-css.js';
import { CHECK_LABELS, PRE_TREND_LABELS, citationText, DIRECTION_LABELS, isWebUrl, periodText, scopeText, VERDICT_LABELS, VERDICT_ORDER } from './report-text.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const e = escapeHtml;
const cites = (numbers: readonly number[]): string => numbers.map((n) => `<a class="cite" href="#ref-${n}">[${n}]</a>`).join('');
const codeTag = (text: string): string => `<code>${e(text)}</code>`;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `<table><thead><tr>${header.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function quote(q: { text: string; status: string | null; citation: number }): string {
  return `<blockquote>“${e(q.text)}”${q.status === null ? '' : ` (${e(q.status)})`} ${cites([q.citation])}</blockquote>`;
}

function agreementHtml(a: ReportAgreement): string {
  const parts = [`<section class="agreement" id="agreement-${e(a.id)}"><h3>${e(a.shortTitle ?? a.title)} ${codeTag(a.id)}</h3>`];
  if (a.shortTitle !== null) parts.push(`<p class="muted">${e(a.title)}</p>`);
  parts.push(
    `<ul><li>Kind: ${e(a.kind)}; status: ${e(a.status)}</li><li>Parties: ${a.parties.map(e).join(', ')}</li>`,
    `<li>Signed: ${e(a.signed)}${a.inForce === null ? '' : `; in force: ${e(a.inForce)}`}${a.ended === null ? '' : `; ended: ${e(a.ended)}`}</li></ul>`,
    `<p>${e(a.summary)} ${cites(a.citations)}</p>`,
    ...a.quotes.map(quote),
    '<h4>Commitments</h4>',
  );
  for (const c of a.commitments) {
    parts.push(`<div class="commitment"><h5>${e(c.title)} ${codeTag(c.id)} <span class="muted">${e(c.obligation)}</span></h5><blockquote>${e(c.text)}${c.textStatus === null ? '' : ` (${e(c.textStatus)})`} ${cites([c.citation])}</blockquote>`, ...c.quotes.map(quote));
    if (c.scope !== null) {
      parts.push(
        `<ul><li>Scope: activities ${c.scope.activities.map(e).join(', ')}; targets ${c.scope.targets.map(e).join(', ')}; means ${e(c.scope.means)}; actor ${e(c.scope.actor)}; direction ${e(c.scope.direction)}</li><li>Coding rationale: ${e(c.scope.rationale)}</li></ul>`,
      );
    }
    parts.push('</div>');
  }
  const s = a.scorecard;
  parts.push('<h4>Scorecard</h4><p>Distinct incidents by their most serious verdict across the commitments.</p>');
  parts.push(table(['verdict', 'incidents', "with analysts' overrides"], VERDICT_ORDER.map((v) => [`<span class="verdict ${v}">${VERDICT_LABELS[v]}</span>`, String(s.counts[v]), String(s.countsWithOverrides[v])])));
  if (s.overrides > 0) parts.push(`<p>${s.overrides} finding(s) carry an analyst's override.</p>`);
  if (s.commitments.length > 0) parts.push(table(['commitment', ...VERDICT_ORDER.map((v) => VERDICT_LABELS[v])], s.commitments.map((c) => [`${e(c.title)} ${codeTag(c.commitmentId)}`, ...VERDICT_ORDER.map((v) => String(c.counts[v]))])));
  if (s.cooperation !== null && s.cooperation.length > 0) parts.push(`<p>Cooperation commitments:</p><ul>${s.cooperation.map((c) => `<li>${codeTag(c.commitmentId)}: ${e(c.status)} (${c.reasons.map(e).join('; ')})</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}

function findingHtml(f: ReportFinding, threshold: number, manyAgreements: boolean): string {
  const a = f.attribution;
  return [
    `<section class="finding ${f.verdict}"><h3>${e(f.incidentTitle)} ${codeTag(f.incidentId)}${manyAgreements ? ` under ${codeTag(f.agreementId)}` : ''}</h3><ul>`,
    `<li>Verdict: <strong class="verdict ${f.verdict}">${VERDICT_LABELS[f.verdict]}</strong> under ${e(f.commitmentTitle)} ${codeTag(f.commitmentId)}, rule ${codeTag(f.rule)}</li>`,
    `<li>Sponsor → victim: ${e(f.sponsor)} → ${e(f.victim)}; incident began ${e(f.incidentStart)}</li>`,
    a === null
      ? ''
      : `<li>Attribution: ${e(a.sponsor)}${a.actor === null ? '' : ` (${e(a.actor)}, ${e(a.relation)})`}, by ${e(a.attributedBy)}; basis: ${e(a.basis)}; confidence ${a.confidence} of 100 (threshold ${threshold}) ${cites(a.citations)}</li>`,
    `<li>Why: ${e(f.summary)}</li>`,
    f.override === null ? '' : `<li>Analyst's override: ${VERDICT_LABELS[f.override.verdict]} by ${e(f.override.author)}: ${e(f.override.note)}</li>`,
    `<li>Sources: ${cites(f.citations)}</li></ul>`,
    table(['check', 'value', 'reason'], f.checks.map((c) => [e(c.dimension), CHECK_LABELS[c.value], e(c.reason)])),
    '</section>',
  ].filter((p) => p !== '').join('\n');
}

function gapHtml(g: ReportGap): string {
  return `<section class="gap"><h3>${e(g.dimension)}</h3><p>${e(g.description)}</p>${table(
    ['incident', 'sponsor → victim', 'commitment', 'why outside', 'verdict', 'sources'],
    g.entries.map((x) => [`${e(x.incidentTitle)} ${codeTag(x.incidentId)}`, `${e(x.sponsor)} → ${e(x.victim)}`, codeTag(x.commitmentId), e(x.reason), `<span class="verdict ${x.verdict}">${VERDICT_LABELS[x.verdict]}</span>`, cites(x.citations)]),
  )}</section>`;
}

function chartCaption(t: ReportTrend): string {
  return t.rows.some((r) => r.fitted !== null)
    ? 'observed (bars), the fitted interrupted time series, and the no-agreement projection with its 95% interval after the agreement (the vertical line).'
    : 'observed (bars); no interrupted time series could be fitted, so no line or projection is drawn. The vertical line marks the agreement.';
}

function trendHtml(t: ReportTrend, charts: Readonly<Record<string, string>>): string {
  const parts = [`<section class="trend"><h3>${e(t.title)} ${codeTag(t.agreementId)}</h3><p><strong>${DIRECTION_LABELS[t.direction]}.</strong> ${e(t.reading)}</p>`];
  if (t.error !== null) return `${parts.join('')}<p>The trend could not be computed: ${e(t.error)}</p></section>`;
  const svg = charts[t.chartId];
  // The SVG comes from our own chart renderer (ECharts SSR), never from user input, so it is inlined as is.
  if (svg !== undefined) parts.push(`<figure>${svg}<figcaption>Incidents per ${e(t.granularity ?? 'period')}: ${chartCaption(t)}</figcaption></figure>`);
  parts.push(
    `<ul><li>Window: ${e(t.from ?? '')} to ${e(t.to ?? '')} by ${e(t.granularity ?? '')}; agreement period starts ${e(t.breakLabel ?? '')}; ${formatRatio(t.events)} incident(s) counted</li>`,
    `<li>Estimate: ${t.measure === 'its-level' ? 'level change (interrupted time series)' : t.measure === 'rate-ratio' ? 'rate ratio after/before' : 'none'}${t.interval === null ? '' : ` ×${formatRatio(t.ratio)} (${formatInterval(t.interval)})`}</li>`,
    `<li>Pre-existing trend: ${PRE_TREND_LABELS[t.preTrend ?? 'none']}${t.preTrendInterval === null ? '' : ` ×${formatRate(t.preTrendRatio)} per ${e(t.granularity ?? 'period')} (95% CI ${formatRate(t.preTrendInterval[0])}–${formatRate(t.preTrendInterval[1])})`}</li></ul>`,
    `<p>Statistics: ${e(t.detail)}</p>`,
  );
  const cell = (v: number | null): string => (v === null ? '' : String(v));
  parts.push(`<h4>Data</h4>${table(['period', 'observed', 'fitted', 'no-agreement projection', '95% lower', '95% upper'], t.rows.map((r) => [e(r.period), String(r.observed), cell(r.fitted), cell(r.counterfactual), cell(r.lower), cell(r.upper)]))}</section>`);
  return parts.join('\n');
}

function methodsHtml(report: Report): string {
  const m = report.methods;
  const parts = ['<section id="methods"><h2>Methods and data provenance</h2><ul>', `<li>Attribution confidence threshold for a breach: ${m.confidenceThreshold} of 100</li>`];
  if (m.engineVersion !== null) parts.push(`<li>Compliance engine version: ${e(m.engineVersion)}</li>`);
  if (m.rulesetHash !== null) parts.push(`<li>Rule set hash (agreements, groups, threshold, engine): ${codeTag(m.rulesetHash)}</li>`);
  parts.push('</ul><h3>Datasets</h3>', table(['dataset', 'version', 'file hash', 'agreements', 'incidents'], m.datasets.map((d) => [e(d.name), e(d.version ?? ''), d.fileHash === null ? '' : codeTag(d.fileHash), String(d.agreements), String(d.incidents)])));
  if (m.loads.length > 0) parts.push('<h3>Loads and imports in the store</h3>', table(['kind', 'source', 'status', 'read', 'stored', 'quarantined'], m.loads.map((l) => [e(l.kind), e(l.source), e(l.status), String(l.read), String(l.stored), String(l.quarantined)])));
  parts.push('<h3>Verdict rules applied</h3>', table(['rule', 'verdict', 'findings', 'meaning'], m.rules.map((r) => [codeTag(r.id), VERDICT_LABELS[r.verdict], String(r.findings), e(r.description)])));
  parts.push(`<h3>Checks</h3><dl>${m.dimensions.map((d) => `<dt>${e(d.id)}</dt><dd>${e(d.description)}</dd>`).join('')}</dl>`);
  parts.push('<h3>What was excluded and why</h3>', m.excluded.length === 0 ? '<p>Nothing was excluded.</p>' : table(['what', 'count', 'why', 'ids'], m.excluded.map((x) => [e(x.what), String(x.count), e(x.reason), x.ids.map(codeTag).join(', ')])));
  parts.push(`<h3>Notes</h3><ul>${m.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>`);
  return parts.join('\n');
}

function empty(text: string): string {
  return `<p class="muted">${e(text)}</p>`;
}

/**
 * The report as one self-contained HTML document: inline CSS, charts as inline SVG, no scripts and
 * no external resources; only references link out, as plain links a reader chooses to follow.
 */
export function renderHtml(report: Report, charts: Readonly<Record<string, string>> = {}): string {
  const period = periodText(report);
  const t = report.methods.confidenceThreshold;
  const many = report.agreements.length > 1;
  const body = [
    `<h1>${e(report.title)}</h1>`,
    report.asOf === null ? '' : `<p>As of ${e(report.asOf)}.</p>`,
    `<p>Scope: ${e(scopeText(report.scope))}${period === undefined ? '' : `; ${e(period)}`}.</p>`,
    '<section id="agreements"><h2>Agreements and commitments</h2>',
    report.agreements.length === 0 ? empty('No agreement falls within this scope.') : report.agreements.map(agreementHtml).join('\n'),
    '</section><section id="breaches"><h2>Breaches</h2>',
    report.breaches.length === 0 ? empty('No breach was found.') : report.breaches.map((f) => findingHtml(f, t, many)).join('\n'),
    '</section><section id="possible-breaches"><h2>Possible breaches</h2>',
    report.possibleBreaches.length === 0 ? empty('No possible breach was found.') : report.possibleBreaches.map((f) => findingHtml(f, t, many)).join('\n'),
    "</section><section id=\"gaps\"><h2>Gaps: incidents outside the commitments' scope</h2>",
    report.gaps.length === 0 ? empty('No incident in this scope falls outside a commitment.') : report.gaps.map(gapHtml).join('\n'),
    '</section><section id="trends"><h2>Trends</h2>',
    report.trends.length === 0 ? empty('No trend was computed.') : report.trends.map((x) => trendHtml(x, charts)).join('\n'),
    '</section>',
    methodsHtml(report),
    `<section id="references"><h2>References</h2><ol>${report.citations
      .map((c) => `<li id="ref-${c.number}">${e(citationText(c))}${c.url !== null && isWebUrl(c.url) ? ` <a href="${e(c.url)}" rel="noreferrer">${e(c.url)}</a>` : c.url === null ? '' : ` ${e(c.url)}`}</li>`)
      .join('')}</ol></section>`,
  ].filter((p) => p !== '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pactwatch">
<title>${e(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
