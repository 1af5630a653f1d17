/** What one evaluation run did: printed by `evaluate --json` and carried in import reports. */
export interface EvaluationReport {
  /** full: the rules (agreements, groups, threshold, engine) changed or --full was asked. */
  readonly mode: 'full' | 'incremental';
  readonly incidentsEvaluated: number;
  readonly findings: number;
  readonly durationMs: number;
}
