import { DIMENSIONS, toFindingContract, type Finding, type TriValue, type Verdict, type VerdictOverride } from '@pactwatch/domain';
import type { Colors } from './output.js';
import { renderCsv, renderTable } from './table.js';

type Row = Finding & { readonly override?: VerdictOverride };

const SYMBOL: Record<TriValue, string> = { true: '+', false: '-', unknown: '?' };

export function verdictStyle(colors: Colors, verdict: Verdict, text: string = verdict): string {
  switch (verdict) {
    case 'breach':
      return colors.red(colors.bold(text));
    case 'possible-breach':
      return colors.yellow(text);
    case 'outside-scope':
      return colors.cyan(text);
    default:
      return colors.dim(text);
  }
}

/** "t+ p+ a- g? m+ r+ c-": every check at a glance (timing, parties, activity, target, means, actor, confidence). */
function checkStrip(finding: Finding): string {
  const letter: Record<string, string> = { timing: 't', parties: 'p', activity: 'a', target: 'g', means: 'm', actor: 'r', confidence: 'c' };
  return DIMENSIONS.map((d) => `${letter[d] ?? d}${SYMBOL[finding.checks.find((c) => c.dimension === d)?.value ?? 'unknown']}`).join(' ');
}

export function findingsTable(findings: readonly Row[], colors: Colors, width: number): string {
  if (findings.length === 0) return 'No findings match.\n';
  const table = renderTable(
    findings,
    [
      { header: 'INCIDENT', value: (f) => f.incidentId },
      { header: 'COMMITMENT', value: (f) => f.commitmentId },
      { header: 'DYAD', value: (f) => `${f.dyad.sponsor}>${f.dyad.victim}` },
      { header: 'VERDICT', value: (f) => (f.override === undefined ? f.verdict : `${f.verdict}*`), style: (text, f) => verdictStyle(colors, f.verdict, text) },
      { header: 'CHECKS', value: checkStrip },
    ],
    width,
    { detail: (f) => `why: ${f.summary}` },
  );
  const legend = 'CHECKS: t timing, p parties, a activity, g target, m means, r actor, c confidence; + true, - false, ? unknown. * analyst override (see --explain).\n';
  return `${table}\n${colors.dim(legend)}`;
}

/** Every check with its value and reason: the full trace behind each verdict. */
export function findingsExplained(findings: readonly Row[], colors: Colors): string {
  if (findings.length === 0) return 'No findings match.\n';
  return findings
    .map((f) => {
      const lines = [
        `${colors.bold(f.incidentId)} × ${f.commitmentId}  (${f.dyad.sponsor} → ${f.dyad.victim})`,
        `  verdict: ${verdictStyle(colors, f.verdict)}  [rule ${f.rule}]`,
        ...f.checks.map((c) => `    ${c.dimension.padEnd(10)} ${c.value.padEnd(7)} ${c.reason}`),
      ];
      if (f.alternatives.length > 0) lines.push(`  also evaluated: ${f.alternatives.map((a) => `${a.sponsor}→${a.victim} ${a.verdict}`).join(', ')}`);
      if (f.override !== undefined) lines.push(`  override: ${f.override.verdict} by ${f.override.author} (${f.override.createdAt}): ${f.override.note}`);
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

export function findingsJson(findings: readonly Row[]): unknown {
  return findings.map(toFindingContract);
}

export function findingsCsv(findings: readonly Row[]): string {
  const header = ['agreement', 'commitment', 'incident', 'verdict', 'rule', 'sponsor', 'victim', ...DIMENSIONS, 'summary', 'override_verdict', 'override_note'];
  return renderCsv(
    header,
    findings.map((f) => [
      f.agreementId,
      f.commitmentId,
      f.incidentId,
      f.verdict,
      f.rule,
      f.dyad.sponsor,
      f.dyad.victim,
      ...DIMENSIONS.map((d) => f.checks.find((c) => c.dimension === d)?.value ?? ''),
      f.summary,
      f.override?.verdict ?? '',
      f.override?.note ?? '',
    ]),
  );
}
