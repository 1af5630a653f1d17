import { PactwatchError } from '@pactwatch/domain';

/** A whole-file failure: names the file and, when known, the line, row or column. */
export function invalidFile(file: string, reason: string, where: { line?: number; path?: string } = {}): PactwatchError {
  const prefix = [file, where.line === undefined ? undefined : `line ${where.line}`, where.path].filter((p): p is string => p !== undefined && p !== '').join(': ');
  return new PactwatchError('VALIDATION_FAILED', `${prefix}: ${reason}`, {
    problems: [{ file, reason, ...(where.line === undefined ? {} : { line: where.line }), ...(where.path === undefined ? {} : { path: where.path }) }],
  });
}

/** The first line of an error's message, so a library's multi-line dump never reaches the user. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}
