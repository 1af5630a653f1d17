import { sql, type Kysely } from 'kysely';
import { isPostgres, textType } from './dialect.js';

// Accounts, sessions, API tokens and the audit log. Instants are ISO 8601 text in UTC (as
// `toISOString()` writes them: fixed width, so text order is time order on both databases);
// flags are integers 0/1 because SQLite has no boolean type. Keys and sortable text use
// textType (code-point order on both databases); JSON columns are plain text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  const text = textType(db);

  await db.schema
    .createTable('app_user')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('username', text, (c) => c.notNull())
    .addColumn('username_key', text, (c) => c.notNull().unique())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_at', text)
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_hash', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .addColumn('client_ip', text)
    .addColumn('user_agent', text)
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('prefix', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text)
    .addColumn('expires_at', text)
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('api_token_user_idx').on('api_token').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('principal_kind', text, (c) => c.notNull())
    .addColumn('principal_id', text)
    .addColumn('principal_name', text, (c) => c.notNull())
    .addColumn('principal_role', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('note', text)
    .addColumn('request_id', text)
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('audit_log_principal_idx').on('audit_log').columns(['principal_name', 'id']).execute();

  // Append-only in the database itself, not only in the repository: a bug or a hand-typed SQL
  // statement cannot rewrite history either.
  if (postgres) {
    await sql
      .raw(
        `create function audit_log_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$fn$`,
      )
      .execute(db);
    await sql.raw('create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()').execute(db);
    await sql.raw('create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()').execute(db);
  } else {
    await sql.raw("create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only: UPDATE is not allowed'); end").execute(db);
    await sql.raw("create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only: DELETE is not allowed'); end").execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
