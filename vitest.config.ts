import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against TypeScript sources: each workspace package is aliased to its src entry so a
// test never depends on a stale build. Three tiers live side by side: pure (packages/domain),
// real database (packages/backend) and end-to-end (apps/cli, which spawns the built binary).
const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@pactwatch\/domain$/, replacement: src('./packages/domain/src/index.ts') },
      { find: /^@pactwatch\/backend$/, replacement: src('./packages/backend/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // In CI a JSON report is written too, so .ci/run can print the plain "N passed, N failed" line.
    reporters: process.env['CI'] === 'true' ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
  },
});
