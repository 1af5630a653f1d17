import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, ERROR_CODES } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

describe('docs/ERRORS.md', () => {
  const doc = readFileSync(new URL('../../../docs/ERRORS.md', import.meta.url), 'utf8');
  it.each(ERROR_CODES)('documents %s with its exit and HTTP codes', (code) => {
    const entry = ERROR_CATALOGUE[code];
    expect(doc).toContain(`| \`${code}\` | ${entry.exitCode} | ${entry.httpStatus} | ${entry.description} |`);
  });
});
