import type { Provenance } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { editableOrigin, statedOrigin } from '../src/pages/entry/record-origin.js';

const ADDED = { origin: 'added', addedBy: 'ana', addedAt: '2024-01-01' } as unknown as Provenance;

describe('record origin', () => {
  it('trusts the origin the API states over the provenance field', () => {
    expect(statedOrigin(new Headers({ 'x-record-origin': 'curated' }))).toBe('curated');
    expect(statedOrigin(new Headers({ 'x-record-origin': 'something-else' }))).toBeUndefined();
    expect(statedOrigin(null)).toBeUndefined();
    const stated = editableOrigin(ADDED, new Headers({ 'x-record-origin': 'curated' }));
    expect(stated).toMatchObject({ origin: 'curated', editable: false });
    expect(stated.reason).toContain('pactwatch load');
    expect(editableOrigin(ADDED, new Headers())).toMatchObject({ origin: 'user', editable: true });
  });
});
