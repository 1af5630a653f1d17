import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CFR_CSV } from '../../api/test/cfr-fixture.js';
import { sandbox } from './cli-harness.js';

describe('pactwatch import --review', () => {
  it('proposes the incidents to the review queue instead of storing them, and a second run skips them', () => {
    const s = sandbox();
    const file = join(s.dir, 'cfr-tracker.csv');
    writeFileSync(file, CFR_CSV);
    const dry = s.run(['--db', s.db, 'import', file, '--format', 'csv', '--mapping', 'cfr', '--review', '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, drafted: 2, quarantined: 1, stored: 0 });

    const first = s.run(['--db', s.db, 'import', file, '--format', 'csv', '--mapping', 'cfr', '--review']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('read 3, stored 0, updated 0, unchanged 0, quarantined 1, drafted 2, already drafted 0 (review queue: import:cfr)');
    expect(first.stderr).toContain('2 record(s) wait in the review queue (origin import:cfr)');
    expect(JSON.parse(s.run(['--db', s.db, 'incidents', '--json']).stdout)).toEqual([]);
    const audit = JSON.parse(s.run(['--db', s.db, 'audit', '--action', 'draft.create', '--json']).stdout) as { entries: Array<{ entityType: string; after: { origin: string; state: string } }> };
    expect(audit.entries.map((e) => [e.entityType, e.after.origin, e.after.state])).toEqual([
      ['draft', 'import:cfr', 'pending'],
      ['draft', 'import:cfr', 'pending'],
    ]);

    const second = s.run(['--db', s.db, 'import', file, '--format', 'csv', '--mapping', 'cfr', '--review', '--json']);
    expect(second.status, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { read: number; stored: number; updated: number; unchanged: number; quarantined: number; drafted: number; alreadyDrafted: number };
    expect(report).toMatchObject({ drafted: 0, alreadyDrafted: 2, quarantined: 1 });
    expect(report.stored + report.updated + report.unchanged + report.quarantined + report.drafted + report.alreadyDrafted).toBe(report.read);
  });
});
