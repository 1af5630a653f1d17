import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactwatchError } from '@pactwatch/domain';
import envPaths from 'env-paths';

/** Settings read once at start-up, typed, failing fast with the variable's name. */
export interface Config {
  /** SQLite database file (used when `databaseUrl` is unset). */
  readonly databasePath: string;
  /** PostgreSQL connection URL (PACTWATCH_DATABASE_URL / --database-url); set, it replaces SQLite. */
  readonly databaseUrl: string | undefined;
  /** Folder of the curated dataset (agreements/, incidents/, …). */
  readonly dataDir: string;
  /** Minimum attribution confidence for a breach verdict. */
  readonly confidenceThreshold: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the OASIS STIX 2.1 JSON Schemas (PACTWATCH_STIX_SCHEMAS); unset: the default beside the repository. */
  readonly stixSchemasDir: string | undefined;
  /** Server mode settings (`pactwatch serve`, `pactwatch worker`). */
  readonly server: ServerConfig;
  /** Feed watcher politeness (`pactwatch watch`, feed-poll jobs; docs/FEEDS.md). */
  readonly feeds: FeedConfig;
  /** Alert delivery settings (docs/ALERTS.md). */
  readonly alerts: AlertsConfig;
}

export interface AlertsConfig {
  /** PACTWATCH_SMTP_URL: smtp://[user:pass@]host:port (or smtps://) of the server e-mail alerts go through; unset: e-mail rules fail fast. */
  readonly smtpUrl: string | undefined;
  /** PACTWATCH_SMTP_FROM: the From address of alert e-mails. */
  readonly smtpFrom: string | undefined;
  /** PACTWATCH_ALERT_TIMEOUT_SECONDS: how long one webhook POST or SMTP exchange may take (default 10). */
  readonly timeoutSeconds: number;
  /** PACTWATCH_ALERT_MAX_ATTEMPTS: attempts before a delivery is dead (default 6). */
  readonly maxAttempts: number;
}

export interface ServerConfig {
  /** PACTWATCH_ANONYMOUS_READ=true lets requests without a session or token read (never write). Off by default. */
  readonly anonymousRead: boolean;
  /** PACTWATCH_SECURE_COOKIES: force the cookie Secure flag (true/false); unset: Secure when the request came over TLS. */
  readonly secureCookies: boolean | undefined;
  /** PACTWATCH_TRUST_PROXY=true: believe X-Forwarded-* headers (behind a TLS-terminating proxy). */
  readonly trustProxy: boolean;
  /** PACTWATCH_SESSION_HOURS: session lifetime in hours (default 12). */
  readonly sessionHours: number;
  /** PACTWATCH_MAX_UPLOAD_MB: largest import upload in MiB (default 200). */
  readonly maxUploadMb: number;
  /** PACTWATCH_LOGIN_MAX_FAILURES: failed logins before the account locks (default 5). */
  readonly loginMaxFailures: number;
  /** PACTWATCH_LOCKOUT_MINUTES: how long a locked account stays locked (default 15). */
  readonly lockoutMinutes: number;
  /** PACTWATCH_WRITE_RATE_PER_MINUTE: writes per minute per client (default 300). */
  readonly writeRatePerMinute: number;
}

export interface FeedConfig {
  /** PACTWATCH_FEED_TIMEOUT_SECONDS: one request, headers and body (default 20). */
  readonly timeoutMs: number;
  /** PACTWATCH_FEED_MAX_MB: largest feed document or page in MiB, enforced while reading (default 5). */
  readonly maxBytes: number;
  /** PACTWATCH_FEED_HOST_INTERVAL_SECONDS: least time between two requests to one host (default 2). */
  readonly hostIntervalMs: number;
  /** PACTWATCH_FEED_RETRIES: retries after a network error, 5xx or 429 (default 2, at most 10). */
  readonly retries: number;
  /** PACTWATCH_FEED_RETRY_DELAY_SECONDS: first retry delay, doubled each time (default 1). */
  readonly retryDelayMs: number;
  /** PACTWATCH_FEED_MAX_RETRY_AFTER_SECONDS: a server's Retry-After is honoured up to this (default 60). */
  readonly maxRetryAfterMs: number;
  /** PACTWATCH_FEED_POLL_MINUTES: how often `pactwatch watch` polls (default 30). */
  readonly pollMinutes: number;
}

export interface ConfigOverrides {
  readonly databasePath?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly confidenceThreshold?: number | undefined;
  readonly databaseUrl?: string | undefined;
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

function readBoolean(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new PactwatchError('CONFIG_INVALID', `${name} must be true or false, got "${raw}"`);
}

function readPositive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new PactwatchError('CONFIG_INVALID', `${name} must be a positive number, got "${raw}"`);
  return value;
}

function readDatabaseUrl(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PactwatchError('CONFIG_INVALID', `${name} must be a postgres:// URL, got an unparseable value`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new PactwatchError('CONFIG_INVALID', `${name} must start with postgres:// or postgresql://, got "${url.protocol}//…"`);
  }
  return raw;
}

export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    anonymousRead: readBoolean(env, 'PACTWATCH_ANONYMOUS_READ') ?? false,
    secureCookies: readBoolean(env, 'PACTWATCH_SECURE_COOKIES'),
    trustProxy: readBoolean(env, 'PACTWATCH_TRUST_PROXY') ?? false,
    sessionHours: readPositive(env, 'PACTWATCH_SESSION_HOURS', 12),
    maxUploadMb: readPositive(env, 'PACTWATCH_MAX_UPLOAD_MB', 200),
    loginMaxFailures: Math.floor(readPositive(env, 'PACTWATCH_LOGIN_MAX_FAILURES', 5)),
    lockoutMinutes: readPositive(env, 'PACTWATCH_LOCKOUT_MINUTES', 15),
    writeRatePerMinute: Math.floor(readPositive(env, 'PACTWATCH_WRITE_RATE_PER_MINUTE', 300)),
  };
}

function readNonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new PactwatchError('CONFIG_INVALID', `${name} must be a number of 0 or more, got "${raw}"`);
  return value;
}

export function readFeedConfig(env: NodeJS.ProcessEnv): FeedConfig {
  const retries = readNonNegative(env, 'PACTWATCH_FEED_RETRIES', 2);
  if (!Number.isInteger(retries) || retries > 10) throw new PactwatchError('CONFIG_INVALID', `PACTWATCH_FEED_RETRIES must be a whole number from 0 to 10, got "${env['PACTWATCH_FEED_RETRIES'] ?? ''}"`);
  return {
    timeoutMs: readPositive(env, 'PACTWATCH_FEED_TIMEOUT_SECONDS', 20) * 1000,
    maxBytes: Math.floor(readPositive(env, 'PACTWATCH_FEED_MAX_MB', 5) * 1024 * 1024),
    hostIntervalMs: readNonNegative(env, 'PACTWATCH_FEED_HOST_INTERVAL_SECONDS', 2) * 1000,
    retries,
    retryDelayMs: readNonNegative(env, 'PACTWATCH_FEED_RETRY_DELAY_SECONDS', 1) * 1000,
    maxRetryAfterMs: readNonNegative(env, 'PACTWATCH_FEED_MAX_RETRY_AFTER_SECONDS', 60) * 1000,
    pollMinutes: readPositive(env, 'PACTWATCH_FEED_POLL_MINUTES', 30),
  };
}

function readSmtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['PACTWATCH_SMTP_URL'];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PactwatchError('CONFIG_INVALID', 'PACTWATCH_SMTP_URL must be an smtp://host:port URL, got an unparseable value');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new PactwatchError('CONFIG_INVALID', `PACTWATCH_SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//…"`);
  return raw;
}

function readSmtpFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['PACTWATCH_SMTP_FROM'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(raw)) throw new PactwatchError('CONFIG_INVALID', `PACTWATCH_SMTP_FROM must be an e-mail address, got "${raw}"`);
  return raw;
}

export function readAlertsConfig(env: NodeJS.ProcessEnv): AlertsConfig {
  return {
    smtpUrl: readSmtpUrl(env),
    smtpFrom: readSmtpFrom(env),
    timeoutSeconds: readPositive(env, 'PACTWATCH_ALERT_TIMEOUT_SECONDS', 10),
    maxAttempts: Math.max(1, Math.floor(readPositive(env, 'PACTWATCH_ALERT_MAX_ATTEMPTS', 6))),
  };
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
    databaseUrl: overrides.databaseUrl !== undefined ? readDatabaseUrl(overrides.databaseUrl, '--database-url') : readDatabaseUrl(env['PACTWATCH_DATABASE_URL'], 'PACTWATCH_DATABASE_URL'),
    server: readServerConfig(env),
    feeds: readFeedConfig(env),
    alerts: readAlertsConfig(env),
  };
}
