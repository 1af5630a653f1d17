import type { MethodFailure } from '@pactwatch/domain';

/**
 * The trend report's types are the domain's TrendReportJson (the backend's TrendReport as JSON
 * carries it, an unbounded ratio as null); the pages only need this guard on a method's result.
 */
export function isFailure(value: unknown): value is MethodFailure {
  return typeof value === 'object' && value !== null && 'error' in value;
}
