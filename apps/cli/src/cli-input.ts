import { readFileSync } from 'node:fs';
import { PactwatchError } from '@pactwatch/domain';

/**
 * A password from standard input (first line, without its line break). Passwords never come from
 * argv: the command line shows up in `ps` and in shell history.
 */
export function readPasswordFromStdin(): string {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch (error) {
    throw new PactwatchError('USAGE', `--password-stdin: cannot read standard input (${error instanceof Error ? error.message : String(error)})`);
  }
  const [line = ''] = text.split(/\r?\n/);
  if (line === '') throw new PactwatchError('USAGE', '--password-stdin: standard input was empty; pipe the password in, e.g. `pactwatch users add alice --role analyst --password-stdin < file`');
  return line;
}

/** A date (2030-01-31) or a full ISO 8601 time; dates mean midnight UTC. */
export function parseInstant(name: string, raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : new Date(raw);
  if (Number.isNaN(value.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw new PactwatchError('USAGE', `${name} must be a date (2030-01-31) or an ISO 8601 time, got "${raw}"`);
  return value;
}

export function parsePositiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new PactwatchError('USAGE', `${name} must be a positive whole number, got "${raw}"`);
  return value;
}
