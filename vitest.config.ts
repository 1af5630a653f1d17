import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests run against TypeScript sources: each workspace package is aliased to its src entry so a
// test never depends on a stale build. Three tiers live side by side: pure (packages/domain),
// real database (packages/backend) and end-to-end (apps/*, the CLI spawning the built binary).
// The real-database tier runs once per store: the `sqlite` project always, the `postgres` project
// when PACTWATCH_TEST_DATABASE_URL names a server to make throwaway databases on (.ci/run starts
// one with scripts/pg-cluster.sh); `vitest run --project postgres` runs that tier alone.
const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
// The API's in-process tests use the same throwaway stores, so they run on both databases too.
const backendTests = ['packages/backend/test/**/*.test.ts', 'apps/api/test/**/*.test.ts'];
const webTests = ['apps/web/test/**/*.test.{ts,tsx}'];
const postgresUrl = process.env['PACTWATCH_TEST_DATABASE_URL'];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@pactwatch\/domain$/, replacement: src('./packages/domain/src/index.ts') },
      { find: /^@pactwatch\/backend$/, replacement: src('./packages/backend/src/index.ts') },
    ],
  },
  test: {
    projects: [
      { extends: true, test: { name: 'domain', include: ['packages/*/test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...backendTests] } },
      { extends: true, test: { name: 'sqlite', include: backendTests, env: { PACTWATCH_TEST_STORE: 'sqlite' } } },
      ...(postgresUrl === undefined || postgresUrl === ''
        ? []
        : [{ extends: true, test: { name: 'postgres', include: backendTests, env: { PACTWATCH_TEST_STORE: 'postgres' } } }]),
      // CLI tests spawn the built binary, some a dozen times per test; on two shared cores a spawn
      // can take seconds, so their limit is a hang guard, not a speed check (that is `npm run bench`).
      { extends: true, test: { name: 'apps', include: ['apps/*/test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...backendTests, ...webTests], testTimeout: 120_000 } },
      // The dashboard's component and hook tests run in happy-dom; its browser tests drive Debian's
      // Chromium against `pactwatch serve` (apps/web/e2e, skipped with a notice when it is absent).
      { extends: true, plugins: [react()], test: { name: 'web', include: webTests, environment: 'happy-dom' } },
      { extends: true, test: { name: 'browser', include: ['apps/web/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // In CI a JSON report is written too, so .ci/run can print the plain "N passed, N failed" line.
    reporters: process.env['CI'] === 'true' ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
  },
});
