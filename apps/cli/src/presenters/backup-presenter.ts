import type { BackupReport, RestoreReport } from '@pactwatch/backend';

function rowTotal(rows: Readonly<Record<string, number>>): number {
  return Object.values(rows).reduce((a, b) => a + b, 0);
}

function tableCounts(rows: Readonly<Record<string, number>>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

export function backupText(report: BackupReport): string {
  const kind = report.kind === 'sqlite' ? 'SQLite online backup' : 'logical backup (JSON)';
  return `wrote ${kind} to ${report.file}: ${report.bytes} bytes, ${rowTotal(report.rows)} rows, migration ${report.migration}\n  ${tableCounts(report.rows) || '(empty store)'}`;
}

export function restoreText(report: RestoreReport): string {
  const how = report.replaced ? 'replaced the store with' : 'restored';
  return `${how} ${report.file} (${report.kind === 'sqlite' ? 'SQLite backup' : 'logical backup'}, migration ${report.migration}): ${rowTotal(report.rows)} rows\n  ${tableCounts(report.rows) || '(empty backup)'}\n  evaluation (${report.evaluation.mode}): ${report.evaluation.incidentsEvaluated} incident(s) re-evaluated, ${report.evaluation.findings} finding(s)`;
}
