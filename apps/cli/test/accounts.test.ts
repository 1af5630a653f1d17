import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml } from '../../../packages/backend/test/helpers.js';
import { CLI, sandbox } from './cli-harness.js';

/** Like the harness's run, with text on standard input (for --password-stdin). */
function runWithInput(dir: string, args: readonly string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { PATH: process.env['PATH'] ?? '', HOME: dir, PACTWATCH_LOG_LEVEL: 'silent' }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pactwatch users, tokens and audit (end to end)', () => {
  it('init --admin creates the first admin once and prints its one-time password once', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/hack.yaml', incidentYaml('hack'));
    const init = s.run(['--db', s.db, '--data', s.data, 'init', '--admin', 'Root', '--json']);
    expect(init.status, init.stderr).toBe(0);
    const parsed = JSON.parse(init.stdout) as { load: { stored: number }; admin: { user: { username: string; role: string; mustChangePassword: boolean }; oneTimePassword: string } };
    expect(parsed.load.stored).toBe(2);
    expect(parsed.admin.user).toMatchObject({ username: 'Root', role: 'admin', mustChangePassword: true });
    expect(parsed.admin.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const again = s.run(['--db', s.db, '--data', s.data, 'init', '--admin', 'root']);
    expect(again.status).toBe(5);
    expect(again.stderr).toContain('error[CONFLICT]: user "Root" already exists');
    const list = JSON.parse(s.run(['--db', s.db, 'users', 'list', '--json']).stdout) as Array<{ username: string }>;
    expect(list.map((u) => u.username)).toEqual(['Root']);
  });

  it('adds users with a generated or piped password, never one from argv, and manages them', () => {
    const s = sandbox();
    const added = s.run(['--db', s.db, 'users', 'add', 'alice', '--role', 'analyst']);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Created user alice \(analyst\)\.\nOne-time password \(shown only now[^\n]*\n\n {2}[A-Za-z0-9_-]{24}\n/);

    const piped = runWithInput(s.dir, ['--db', s.db, 'users', 'add', 'bot', '--role', 'viewer', '--password-stdin', '--json'], 'a piped password here\n');
    expect(piped.status, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ user: { username: 'bot', mustChangePassword: false }, oneTimePassword: null });
    const short = runWithInput(s.dir, ['--db', s.db, 'users', 'add', 'carl', '--role', 'viewer', '--password-stdin'], 'short\n');
    expect(short.status).toBe(3);
    expect(short.stderr).toContain('at least 12 characters');
    expect(s.run(['--db', s.db, 'users', 'add', 'dana', '--role', 'viewer', '--password', 'x'.repeat(20)]).status).toBe(2);
    expect(s.run(['--db', s.db, 'users', 'add', 'dana', '--role', 'boss']).status).toBe(2);

    expect(s.run(['--db', s.db, 'users', 'set-role', 'ALICE', 'admin']).stdout).toBe('alice (admin): must change password\n');
    expect(s.run(['--db', s.db, 'users', 'disable', 'bot']).stdout).toBe('bot (viewer): disabled\n');
    const table = s.run(['--db', s.db, 'users', 'list']);
    expect(table.stdout).toMatch(/alice\s+admin\s+must change password/);
    expect(table.stdout).toMatch(/bot\s+viewer\s+disabled/);
    expect(s.run(['--db', s.db, 'users', 'enable', 'bot', '--json']).stdout).toContain('"disabled": false');
    const reset = JSON.parse(s.run(['--db', s.db, 'users', 'reset-password', 'bot', '--json']).stdout) as { oneTimePassword: string; user: { mustChangePassword: boolean } };
    expect(reset.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(reset.user.mustChangePassword).toBe(true);
    const missing = s.run(['--db', s.db, 'users', 'disable', 'nobody']);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('no user "nobody"');
  });

  it('creates a token shown once with a warning, lists it by prefix only, and revokes it', () => {
    const s = sandbox();
    expect(s.run(['--db', s.db, 'users', 'add', 'erin', '--role', 'analyst']).status).toBe(0);
    const tooStrong = s.run(['--db', s.db, 'tokens', 'create', '--user', 'erin', '--name', 'ci', '--role', 'admin']);
    expect(tooStrong.status).toBe(11);
    expect(tooStrong.stderr).toContain('error[FORBIDDEN]');
    const created = s.run(['--db', s.db, 'tokens', 'create', '--user', 'erin', '--name', 'nightly', '--role', 'viewer', '--expires', '2099-01-01']);
    expect(created.status, created.stderr).toBe(0);
    const token = /pw_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0] ?? '';
    expect(token).not.toBe('');
    expect(created.stderr).toContain('shown only once');
    expect(created.stdout).toContain('expires 2099-01-01T00:00:00.000Z');

    const listed = JSON.parse(s.run(['--db', s.db, 'tokens', 'list', '--user', 'erin', '--json']).stdout) as Array<{ id: string; prefix: string; role: string }>;
    expect(listed).toEqual([expect.objectContaining({ prefix: token.slice(0, 7), role: 'viewer' })]);
    const table = s.run(['--db', s.db, 'tokens', 'list']);
    expect(table.stdout).toContain(`${token.slice(0, 7)}…`);
    expect(table.stdout).not.toContain(token);

    const id = listed[0]?.id ?? '';
    expect(s.run(['--db', s.db, 'tokens', 'revoke', id]).stdout).toBe(`Revoked API token ${id} "nightly" of erin.\n`);
    expect((JSON.parse(s.run(['--db', s.db, 'tokens', 'list', '--json']).stdout) as Array<{ revokedAt: string | null }>)[0]?.revokedAt).not.toBeNull();
    expect(s.run(['--db', s.db, 'tokens', 'revoke', 'nope']).status).toBe(4);
  });

  it('reads the audit log with filters, as a table and as JSON, without secrets', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/hack.yaml', incidentYaml('hack'));
    expect(s.run(['--db', s.db, '--data', s.data, 'init']).status).toBe(0);
    const added = JSON.parse(s.run(['--db', s.db, 'users', 'add', 'fay', '--role', 'viewer', '--json']).stdout) as { user: { id: string }; oneTimePassword: string };
    expect(s.run(['--db', s.db, 'users', 'set-role', 'fay', 'analyst']).status).toBe(0);
    const override = s.run(['--db', s.db, 'override', '--commitment', 'us-cn-test/no-ip-theft', '--incident', 'hack', '--verdict', 'possible-breach', '--note', 'weak evidence']);
    expect(override.status, override.stderr).toBe(0);

    const all = JSON.parse(s.run(['--db', s.db, 'audit', '--json']).stdout) as { entries: Array<{ action: string; principal: { kind: string } }>; nextCursor: number | null };
    expect(all.entries.map((e) => e.action)).toEqual(['override.set', 'user.set-role', 'user.create', 'dataset.load']);
    expect(all.entries.every((e) => e.principal.kind === 'cli')).toBe(true);
    expect(JSON.stringify(all)).not.toContain(added.oneTimePassword);

    const user = JSON.parse(s.run(['--db', s.db, 'audit', '--entity', `user:${added.user.id}`, '--action', 'user.set-role', '--json']).stdout) as { entries: Array<{ before: { role: string }; after: { role: string } }> };
    expect(user.entries).toHaveLength(1);
    expect(user.entries[0]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'analyst' } });

    const table = s.run(['--db', s.db, 'audit', '--entity', 'user']);
    expect(table.stdout).toMatch(/user\.set-role\s+user:\S+\s+role: "viewer" →\s+"analyst"/);
    const paged = s.run(['--db', s.db, 'audit', '--limit', '1']);
    expect(paged.stdout).toMatch(/… older entries: add --before \d+/);
    expect(JSON.parse(s.run(['--db', s.db, 'audit', '--since', '2999-01-01', '--json']).stdout)).toEqual({ entries: [], nextCursor: null });
    expect(s.run(['--db', s.db, 'audit', '--since', 'yesterday']).status).toBe(2);
    expect(s.run(['--db', s.db, 'audit', '--entity', 'user:']).status).toBe(2);
  });
});
