import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLogger, loadConfig, openPactwatch, type Pactwatch } from '@pactwatch/backend';
import { afterEach } from 'vitest';
import { createTestDatabase, dropTestDatabase, onPostgres } from './test-store.js';

/**
 * A throwaway workspace per test: its own store and dataset folder. The store is a SQLite file,
 * or in the `postgres` test project a fresh PostgreSQL database made on first open and dropped
 * after the test (reopening the workspace reopens the same database).
 */
export interface Workspace {
  readonly dir: string;
  readonly dataDir: string;
  /** The SQLite file (unused when the run targets PostgreSQL). */
  readonly dbPath: string;
  write(relativePath: string, text: string): void;
  remove(relativePath: string): void;
  open(options?: { now?: () => Date; threshold?: number; env?: Record<string, string> }): Promise<Pactwatch>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-test-'));
  const opened: Pactwatch[] = [];
  let databaseUrl: Promise<string> | undefined;
  cleanups.push(async () => {
    // Closing twice is harmless, so apps a test already closed are closed again here.
    await Promise.all(opened.map((app) => app.close()));
    if (databaseUrl !== undefined) await dropTestDatabase(await databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  return {
    dir,
    dataDir,
    dbPath: join(dir, 'store.db'),
    write(relativePath, text) {
      const path = join(dataDir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
    remove(relativePath) {
      rmSync(join(dataDir, relativePath));
    },
    async open(options = {}) {
      if (onPostgres) databaseUrl ??= createTestDatabase();
      const url = databaseUrl === undefined ? undefined : await databaseUrl;
      const config = loadConfig({ databasePath: join(dir, 'store.db'), databaseUrl: url, dataDir, confidenceThreshold: options.threshold }, options.env ?? {});
      const app = await openPactwatch(config, { logger: createLogger({ logLevel: 'silent' }), ...(options.now === undefined ? {} : { now: options.now }) });
      opened.push(app);
      return app;
    },
  };
}

export const AGREEMENT_YAML = `id: us-cn-test
title: Test accord
kind: joint-statement
parties: [{ state: US }, { state: CN }]
signed: "2015-09-25"
status: announced
summary: A test agreement.
sources: [{ publisher: Test, title: Source }]
provenance: { origin: added, note: test }
commitments:
  - id: no-ip-theft
    title: No IP theft
    obligation: refrain
    text: will not conduct or knowingly support cyber-enabled theft
    source: { publisher: Test, title: Source }
    scope:
      activities: [commercial-espionage]
      targets: [private-sector]
      means: cyber-enabled
      actor: conducted-or-supported
      rationale: test
`;

export function incidentYaml(id: string, extra: { start?: string; means?: string; confidence?: number; title?: string } = {}): string {
  return `id: ${id}
title: ${extra.title ?? `Incident ${id}`}
summary: Something happened.
period: { start: "${extra.start ?? '2016-03'}" }
activities: [{ type: commercial-espionage }]
means: [${extra.means ?? 'cyber'}]
attributions:
  - { sponsor: CN, relation: state-organ, confidence: ${extra.confidence ?? 85}, basis: indictment, attributedBy: DOJ }
victims: [{ state: US, category: private-sector }]
sources: [{ publisher: Test, title: Source }]
provenance: { origin: added, note: test }
`;
}
