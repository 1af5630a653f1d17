export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The top-level fields an audit entry changed, before and after (a whole attribution list when an
 * attribution was added): enough to see what someone did without reading two full records.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return fields.filter((f) => JSON.stringify(from[f]) !== JSON.stringify(to[f])).map((field) => ({ field, before: show(from[field]), after: show(to[field]) }));
}
