import { describeDatabaseUrl, loadConfig, openPactwatch, type Config, type Pactwatch } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { createOutput, type Output } from './presenters/output.js';

export interface GlobalOptions {
  readonly db?: string;
  readonly databaseUrl?: string;
  readonly data?: string;
  readonly threshold?: string;
  readonly color: boolean;
}

export function parseThreshold(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new PactwatchError('USAGE', `--threshold must be a whole number from 0 to 100, got "${raw}"`);
  return value;
}

/** Opens the core for one command and always closes it, whatever the command does. */
export async function withPactwatch<T>(command: Command, work: (app: Pactwatch, output: Output) => Promise<T>): Promise<T> {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const output = createOutput({ color: globals.color });
  const config = loadConfig({ databasePath: globals.db, databaseUrl: globals.databaseUrl, dataDir: globals.data, confidenceThreshold: parseThreshold(globals.threshold) });
  const app = await openPactwatch(config);
  try {
    return await work(app, output);
  } finally {
    await app.close();
  }
}

/** Where the store lives, as it may be printed: the SQLite file, or the PostgreSQL URL without its password. */
export function storeLabel(config: Pick<Config, 'databasePath' | 'databaseUrl'>): string {
  return config.databaseUrl === undefined ? config.databasePath : describeDatabaseUrl(config.databaseUrl);
}

/** `--json` is shorthand for `--format json` wherever a command prints data. */
export function wantsJson(options: { json?: boolean; format?: string }): boolean {
  return options.json === true || options.format === 'json';
}

export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new PactwatchError('USAGE', `${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}
