import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactwatchError } from '@pactwatch/domain';
import envPaths from 'env-paths';

/** Settings read once at start-up, typed, failing fast with the variable's name. */
export interface Config {
  /** SQLite database file. */
  readonly databasePath: string;
  /** Folder of the curated dataset (agreements/, incidents/, …). */
  readonly dataDir: string;
  /** Minimum attribution confidence for a breach verdict. */
  readonly confidenceThreshold: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the OASIS STIX 2.1 JSON Schemas (PACTWATCH_STIX_SCHEMAS); unset: the default beside the repository. */
  readonly stixSchemasDir: string | undefined;
}

export interface ConfigOverrides {
  readonly databasePath?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly confidenceThreshold?: number | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The repository's data/ folder, found from this file whether run from src (tests) or dist. */
export function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const candidate = join(dir, 'data', 'agreements');
    if (existsSync(candidate)) return join(dir, 'data');
    dir = dirname(dir);
  }
  return resolve(process.cwd(), 'data');
}

export function defaultDatabasePath(): string {
  return join(envPaths('pactwatch', { suffix: '' }).data, 'pactwatch.db');
}

function readThreshold(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env['PACTWATCH_CONFIDENCE_THRESHOLD'];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw new PactwatchError('CONFIG_INVALID', `PACTWATCH_CONFIDENCE_THRESHOLD must be a whole number from 0 to 100, got "${raw}"`);
  }
  return value;
}

function readLogLevel(env: NodeJS.ProcessEnv): Config['logLevel'] {
  const raw = env['PACTWATCH_LOG_LEVEL'];
  if (raw === undefined || raw === '') return 'warn';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (level === undefined) throw new PactwatchError('CONFIG_INVALID', `PACTWATCH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function readStixSchemas(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['PACTWATCH_STIX_SCHEMAS'];
  if (raw === undefined || raw === '') return undefined;
  const dir = resolve(raw);
  if (!existsSync(join(dir, 'common', 'core.json'))) {
    throw new PactwatchError('CONFIG_INVALID', `PACTWATCH_STIX_SCHEMAS must be the OASIS schemas folder (with common/core.json), got "${raw}"`);
  }
  return dir;
}

/** Command-line values win over environment variables, which win over defaults. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const threshold = overrides.confidenceThreshold ?? readThreshold(env) ?? 70;
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 100) {
    throw new PactwatchError('CONFIG_INVALID', `--threshold must be a whole number from 0 to 100, got "${threshold}"`);
  }
  const envDb = env['PACTWATCH_DB'];
  const envData = env['PACTWATCH_DATA'];
  return {
    databasePath: resolve(overrides.databasePath ?? (envDb === undefined || envDb === '' ? defaultDatabasePath() : envDb)),
    dataDir: resolve(overrides.dataDir ?? (envData === undefined || envData === '' ? defaultDataDir() : envData)),
    confidenceThreshold: threshold,
    logLevel: readLogLevel(env),
    stixSchemasDir: readStixSchemas(env),
  };
}
