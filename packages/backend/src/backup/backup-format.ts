/**
 * What a backup holds. Every table that cannot be rebuilt from something else is listed, parents
 * before children so rows can be inserted in this order with foreign keys enforced; findings and
 * trend caches are derived but kept too, so a restored store is the same store (its evaluated
 * hashes still match its findings) without waiting for a full re-evaluation.
 */
export const BACKUP_TABLES = [
  'meta',
  'party_group',
  'group_member',
  'agreement',
  'agreement_party',
  'commitment',
  'actor',
  'incident',
  'attribution',
  'victim',
  'context_event',
  'finding',
  'verdict_override',
  'trend_cache',
  'import_batch',
  'quarantine',
  'source_object',
  'incident_draft',
  'feed_source',
  'feed_item',
  'app_user',
  'api_token',
  'audit_log',
  'alert_rule',
  'alert_delivery',
] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Left out on purpose, with the reason (docs/RELIABILITY.md): sign-in sessions would resurrect
 * logins a restore should end; queued jobs and their uploads are work in flight, not data (resubmit
 * them); migration bookkeeping is the header's `migrations`; `store_revision` is a cache key.
 */
export const NOT_BACKED_UP = ['user_session', 'job', 'job_upload', 'kysely_migration', 'kysely_migration_lock', 'store_revision', 'sqlite_sequence'] as const;

/** The first table that holds data: a restore refuses a store with rows in any but `meta`. */
export const DATA_TABLES: readonly BackupTable[] = BACKUP_TABLES.filter((t) => t !== 'meta');

/** Tables cleared before a forced restore that a backup does not carry but whose rows point at backed-up ones. */
export const CLEARED_ON_RESTORE = ['user_session'] as const;

export const BACKUP_FORMAT = 'pactwatch-backup';
export const BACKUP_VERSION = 1;

/** A cell as JSON can carry it; a binary value (none today) would be written as `{ "base64": … }`. */
export type BackupCell = string | number | null | { readonly base64: string };
export type BackupRow = Readonly<Record<string, BackupCell>>;

/**
 * The logical backup file (PostgreSQL, or `--format json`): a header naming the format, the
 * pactwatch that wrote it and the store's migration level, then every backed-up table's rows as
 * stored. No timestamp is added, so backing up an unchanged store twice gives identical bytes.
 */
export interface LogicalBackup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly pactwatch: string;
  readonly store: 'sqlite' | 'postgres';
  readonly migrations: readonly string[];
  readonly tables: Readonly<Record<string, readonly BackupRow[]>>;
}

/** SQLite database files start with this 16-byte header. */
export const SQLITE_MAGIC = 'SQLite format 3\u0000';
