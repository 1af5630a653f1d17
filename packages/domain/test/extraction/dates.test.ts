import { DATE_RULES, extractCandidates } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { findDates, periodOf } from '../../src/extraction/dates.js';

const edtfOf = (sentence: string, published?: string): string | undefined => periodOf(findDates(sentence, 1, published))?.edtf;

describe('dates mentioned', () => {
  it.each([
    ['The intrusions happened in March 2017.', '2017-03'],
    ['The campaign ran between 2014 and 2015.', '2014/2015'],
    ['It ran from 2006 to 2014.', '2006/2014'],
    ['between May 2021 and February 2022', '2021-05/2022-02'],
    ['The centre said on 7 December 2023 that the attack had ended.', '2023-12-07'],
    ['On December 7, 2023 the attack ended.', '2023-12-07'],
    ['Attacks on banks between 2011-2013.', '2011/2013'],
    ['In early 2024 the group returned.', '2024'],
    ['The breach was found in 2015.', '2015'],
  ])('%s → %s', (sentence, expected) => {
    expect(edtfOf(sentence, '2024-06-01')).toBe(expected);
  });

  it('reads relative dates against the publication day', () => {
    expect(edtfOf('Last year, hackers breached the network.', '2025-01-15')).toBe('2024');
    expect(edtfOf('Earlier this year, hackers breached the network.', '2025-01-15')).toBe('2025');
    expect(edtfOf('Last month, hackers breached the network.', '2025-01-15')).toBe('2024-12');
    expect(edtfOf('Last year, hackers breached the network.', undefined)).toBeUndefined();
  });

  it('reads "since" as running up to the publication day', () => {
    expect(edtfOf('They have targeted MPs since 2015.', '2023-12-07')).toBe('2015/2023-12-07');
  });

  it('spans several mentions from the earliest start to the latest end', () => {
    const mentions = [...findDates('It began in March 2014.', 1, '2020-01-01'), ...findDates('It was seen again in 2016.', 2, '2020-01-01')];
    expect(periodOf(mentions)).toEqual({ edtf: '2014-03/2016', earliest: '2014-03-01T00:00:00.000Z', latest: '2016-12-31T23:59:59.999Z' });
  });

  it('ignores dates after publication, impossible days and bare numbers', () => {
    expect(edtfOf('The treaty runs until 2030.', '2024-06-01')).toBeUndefined();
    expect(edtfOf('It happened on 31 February 2015.', '2024-06-01')).toBeUndefined();
    expect(edtfOf('21.5 million records', '2024-06-01')).toBeUndefined();
  });

  it('falls back to the publication year with a lower confidence, and says so', () => {
    const text = 'Chinese state-sponsored hackers breached US companies, researchers said.';
    const [withoutDate] = extractCandidates({ id: 'd1', title: '', text, publishedAt: '2021-03-04T10:00:00Z' }, { actors: [] });
    const [withDate] = extractCandidates({ id: 'd2', title: '', text: `${text} The intrusions began in June 2020.`, publishedAt: '2021-03-04T10:00:00Z' }, { actors: [] });
    expect(withoutDate?.period?.edtf).toBe('2021');
    expect(withoutDate?.confidenceReasons).toContain('date-fallback');
    expect(withoutDate?.notes?.[0]).toMatch(/No date is mentioned/);
    expect(withoutDate?.record.disputes[0]?.field).toBe('period');
    expect(withDate?.period?.edtf).toBe('2020-06');
    expect((withDate?.confidence ?? 0) - (withoutDate?.confidence ?? 0)).toBe(10);
  });

  it('has rules with unique ids', () => {
    expect(new Set(DATE_RULES.map((r) => r.id)).size).toBe(DATE_RULES.length);
  });
});
