import { formatProblem, type Problem } from '@pactwatch/domain';
import type { EvaluationReport, LoadReport, ValidationReport } from '@pactwatch/backend';
import type { Colors } from './output.js';

export function problemsText(problems: readonly Problem[], colors: Colors): string {
  return problems.map((p) => `  ${colors.red('✗')} ${formatProblem(p)}`).join('\n');
}

export function loadReportText(report: LoadReport, colors: Colors): string {
  const line = `dataset ${report.source}: read ${report.read}, stored ${report.stored}, updated ${report.updated}, unchanged ${report.unchanged}, quarantined ${report.quarantined}, removed ${report.removed}`;
  return report.problems.length === 0 ? `${line}\n` : `${line}\n${problemsText(report.problems, colors)}\n`;
}

export function evaluationText(report: EvaluationReport): string {
  return `evaluation (${report.mode}): ${report.incidentsEvaluated} incident(s) evaluated, ${report.findings} finding(s) written in ${report.durationMs} ms\n`;
}

export function validationText(report: ValidationReport, colors: Colors): string {
  const head = `${report.path}: ${report.read} record(s) read, ${report.valid} valid, ${report.invalid} invalid`;
  return report.problems.length === 0 ? `${head}\n` : `${head}\n${problemsText(report.problems, colors)}\n`;
}
