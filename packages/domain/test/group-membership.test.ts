import { groupMembersAsOf, groupSchema } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const sco = groupSchema.parse({
  id: 'sco',
  name: 'Shanghai Cooperation Organisation',
  recordedFrom: '2001-06-15',
  members: [
    { state: 'CN', from: '2001-06-15' },
    { state: 'RU', from: '2001-06-15' },
    { state: 'IN', from: '2017-06-09' },
    { state: 'IR', from: '2023-07' },
  ],
  sources: [{ publisher: 'SCO', title: 'Members' }],
});

describe('group membership as of a date', () => {
  it('lists members on a date, with uncertain joining dates flagged', () => {
    expect(groupMembersAsOf(sco, Date.parse('2015-05-08'))?.map((m) => m.state)).toEqual(['CN', 'RU']);
    expect(groupMembersAsOf(sco, Date.parse('2018-01-01'))?.map((m) => m.state)).toEqual(['CN', 'IN', 'RU']);
    expect(groupMembersAsOf(sco, Date.parse('2023-07-02'))).toContainEqual({ state: 'IR', status: 'uncertain' });
  });

  it('answers unknown before the recorded window', () => {
    expect(groupMembersAsOf(sco, Date.parse('1999-01-01'))).toBeUndefined();
  });
});
