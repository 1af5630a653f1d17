import type { ImportReport, StoredQuarantineEntry } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { problemsText } from './report-presenter.js';
import { renderCsv } from './table.js';

export function importReportText(report: ImportReport, colors: Colors): string {
  const lines = [
    `${report.dryRun ? 'dry run: ' : ''}${report.file} (${report.format}, dataset ${report.dataset}${report.version === null ? '' : ` ${report.version}`}): read ${report.read}, stored ${report.stored}, updated ${report.updated}, unchanged ${report.unchanged}, quarantined ${report.quarantined}${report.asDrafts ? `, drafted ${report.drafted}, already drafted ${report.alreadyDrafted} (review queue: ${report.draftOrigin ?? ''})` : ''}`,
    `  records: ${report.records.incidents} incident(s), ${report.records.actors} actor(s)`,
  ];
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  for (const change of report.changes.slice(0, 50)) {
    const changed = change.records.filter((r) => r.status !== 'unchanged').map((r) => `${r.id}${r.fields.length === 0 ? ` (${r.status})` : `: ${r.fields.join(', ')}`}`);
    lines.push(`  updated ${change.sourceId}: ${changed.join('; ') || 'raw object changed'}`);
  }
  if (report.changes.length > 50) lines.push(`  … and ${report.changes.length - 50} more updated (see --json)`);
  if (report.problems.length > 0) lines.push(problemsText(report.problems.slice(0, 50), colors));
  if (report.problems.length > 50) lines.push(`  … and ${report.problems.length - 50} more quarantined (see \`pactwatch quarantine list\`)`);
  if (report.evaluation !== null) lines.push(`  evaluation (${report.evaluation.mode}): ${report.evaluation.incidentsEvaluated} incident(s), ${report.evaluation.findings} finding(s)`);
  return `${lines.join('\n')}\n`;
}

export function quarantineText(entries: readonly StoredQuarantineEntry[]): string {
  if (entries.length === 0) return 'Quarantine is empty.\n';
  return `${entries.map((e) => `#${e.id} ${e.sourceFile} ${e.locator === '' ? '' : `(${e.locator}) `}[${e.recordKind}${e.recordId === null ? '' : ` ${e.recordId}`}]:\n  ${e.reason.split('\n').join('\n  ')}`).join('\n')}\n`;
}

export function quarantineCsv(entries: readonly StoredQuarantineEntry[]): string {
  return renderCsv(
    ['id', 'batch', 'file', 'locator', 'kind', 'record_id', 'reason', 'raw'],
    entries.map((e) => [String(e.id), String(e.batchId), e.sourceFile, e.locator, e.recordKind, e.recordId ?? '', e.reason, e.raw]),
  );
}
