import { PactwatchError } from '@pactwatch/domain';

/**
 * Opaque pagination cursors: the sort name and the last row's sort key, base64url JSON. The sort
 * is inside so a cursor cannot be replayed against a different ordering.
 */
export function encodeCursor(sort: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([sort, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, sort: string, shape: ReadonlyArray<'string' | 'number'>): Array<string | number> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new PactwatchError('USAGE', 'cursor is not one this API issued; start again without it');
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort || parsed.length !== shape.length + 1) {
    throw new PactwatchError('USAGE', `cursor does not belong to sort "${sort}"; start again without it`);
  }
  const key = parsed.slice(1) as unknown[];
  if (!key.every((value, i) => typeof value === shape[i])) throw new PactwatchError('USAGE', 'cursor is malformed; start again without it');
  return key as Array<string | number>;
}
