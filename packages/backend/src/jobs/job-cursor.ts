import { PactwatchError } from '@pactwatch/domain';

/** A listing position: the last job's place in creation order (SQLite: its seq; pg-boss: created_on in µs) and id. */
export interface JobCursor {
  readonly created: number;
  readonly id: string;
}

export function encodeJobCursor(cursor: JobCursor): string {
  return Buffer.from(`${cursor.created}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeJobCursor(text: string): JobCursor {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const bar = decoded.indexOf('|');
  const created = Number(decoded.slice(0, bar));
  const id = decoded.slice(bar + 1);
  if (bar < 1 || !Number.isSafeInteger(created) || !/^[0-9a-f-]{36}$/.test(id)) throw new PactwatchError('USAGE', `cursor "${text}" is not one this listing gave out`);
  return { created, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Job ids are UUIDs on both back ends; anything else names no job. */
export function isJobId(id: string): boolean {
  return UUID.test(id);
}
