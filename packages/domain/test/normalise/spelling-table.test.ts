import { spellingKey, spellingTable } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

describe('spelling tables', () => {
  it('folds case, accents, "&" and punctuation but not word choice', () => {
    expect(spellingKey('Civil Society')).toBe(spellingKey('civil society'));
    expect(spellingKey('High-Tech')).toBe('high tech');
    expect(spellingKey('BB&T')).toBe('bb and t');
    expect(spellingKey('Türkiye')).toBe('turkiye');
    expect(spellingKey('Telecoms')).not.toBe(spellingKey('Telecomms'));
  });

  it('looks spellings up as mapped, ambiguous, unmapped or unknown, with the rule id', () => {
    const table = spellingTable<'a' | 'b'>('test', [
      { id: 'one', spellings: ['One'], to: ['a'] },
      { id: 'both', spellings: ['Both'], to: ['a', 'b'], reason: 'either' },
      { id: 'none', spellings: ['None'], to: [], reason: 'no term' },
    ]);
    expect(table.lookup('ONE')).toMatchObject({ input: 'ONE', outcome: 'mapped', to: ['a'], ruleId: 'one' });
    expect(table.lookup('both')).toMatchObject({ outcome: 'ambiguous', to: ['a', 'b'], reason: 'either' });
    expect(table.lookup('None')).toMatchObject({ outcome: 'unmapped', to: [], reason: 'no term' });
    expect(table.lookup('Other')).toEqual({ input: 'Other', outcome: 'unknown', to: [] });
  });

  it('refuses duplicate ids, a spelling claimed twice and unexplained unmapped rows', () => {
    expect(() => spellingTable('t', [{ id: 'x', spellings: ['A'], to: ['a'] }, { id: 'x', spellings: ['B'], to: ['a'] }])).toThrow('rule id "x" is used twice');
    expect(() => spellingTable('t', [{ id: 'x', spellings: ['A b'], to: ['a'] }, { id: 'y', spellings: ['a-B'], to: ['b'] }])).toThrow('"a-B" is claimed by rules "x" and "y"');
    expect(() => spellingTable('t', [{ id: 'x', spellings: ['A'], to: [] }])).toThrow('rule "x" is unmapped and needs a reason');
    expect(() => spellingTable('t', [{ id: 'x', spellings: ['A'], to: ['a', 'b'] }])).toThrow('rule "x" is ambiguous and needs a reason');
  });
});
