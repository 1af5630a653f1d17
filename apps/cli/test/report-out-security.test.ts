import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_DATA, sandbox } from './cli-harness.js';

// Issue 8 (security): where `pactwatch report --out` may write. The user picks the path, so `..`
// is allowed; but a folder or a symbolic link is refused (a report never writes through a link
// into another file), the folder must exist, and the file is replaced whole (no partial file,
// no temporary left behind).

describe('pactwatch report --out paths', { timeout: 180_000 }, () => {
  it('refuses folders and symbolic links, accepts .. and replaces a file atomically', () => {
    const s = sandbox();
    const init = s.run(['--db', s.db, '--data', REPO_DATA, 'init']);
    expect(init.status, init.stderr).toBe(0);
    const report = (out: string): ReturnType<typeof s.run> => s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'md', '--out', out]);

    const out = join(s.dir, 'out');
    mkdirSync(join(out, 'sub'), { recursive: true });

    // A folder, with or without the trailing slash.
    for (const folder of [out, `${out}/`]) {
      const refused = report(folder);
      expect(refused.status, folder).toBe(8);
      expect(refused.stderr).toContain('is a folder');
    }

    // A link to someone else's file: refused, and the file is untouched.
    const victim = join(s.dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const link = join(out, 'linked.md');
    symlinkSync(victim, link);
    const throughLink = report(link);
    expect(throughLink.status).toBe(8);
    expect(throughLink.stderr).toContain('symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);

    // A dangling link: refused, and nothing is created where it points.
    const dangling = join(out, 'dangling.md');
    const pointee = join(s.dir, 'created-through-link.md');
    symlinkSync(pointee, dangling);
    expect(report(dangling).status).toBe(8);
    expect(existsSync(pointee)).toBe(false);

    // A missing folder is not created.
    const missing = report(join(out, 'no-such-folder', 'r.md'));
    expect(missing.status).toBe(8);
    expect(missing.stderr).toContain('does not exist');

    // `..` is the user's choice: sub/../r.md is out/r.md.
    const dotted = report(join(out, 'sub', '..', 'r.md'));
    expect(dotted.status, dotted.stderr).toBe(0);
    const written = readFileSync(join(out, 'r.md'), 'utf8');
    expect(written).toContain('## References');

    // An existing regular file is replaced whole, and no temporary file is left beside it.
    writeFileSync(join(out, 'r.md'), 'old content\n');
    expect(report(join(out, 'r.md')).status).toBe(0);
    expect(readFileSync(join(out, 'r.md'), 'utf8')).toBe(written);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(out, 'sub'))).toEqual([]);
  });
});
