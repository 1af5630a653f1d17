import { describe, expect, it } from 'vitest';
import { eventsNearChangepoints, type DatedEvent } from '../../src/statistics/index.js';

const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;
// Monthly periods January 2015 .. December 2016.
const months = Array.from({ length: 24 }, (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);

const events: DatedEvent[] = [
  { id: 'us-cn-2015', date: '2015-09-25', label: 'US-China cyber agreement' },
  { id: 'g20-2015', date: '2015-11-16', label: 'G20 Antalya communique' },
  { id: 'opm', date: '2015-06-04', label: 'OPM breach disclosed' },
  { id: 'pre', date: '2014-11-01', label: 'Before the series' },
  { id: 'post', date: '2017-03-01', label: 'After the series' },
];

describe('eventsNearChangepoints', () => {
  it('lists the nearest events with signed distances in periods', () => {
    const [context] = eventsNearChangepoints([9], months, events);
    expect(context?.changepointIndex).toBe(9);
    expect(context?.changepointDate).toBe('2015-10-01');
    const nearest = context?.nearestEvents ?? [];
    expect(nearest.map((e) => e.event.id)).toEqual(['us-cn-2015', 'g20-2015', 'opm']);
    // 25 September is 24 of September's 30 days in: position 8.8, i.e. 0.2 periods before October.
    expect(nearest[0]?.distancePeriods).toBeCloseTo(8 + 24 / 30 - 9, 12);
    expect(nearest[0]?.periodIndex).toBe(8);
    expect(nearest[0]?.periodOffset).toBe(-1);
    expect(nearest[1]?.distancePeriods).toBeCloseTo(10 + 15 / 30 - 9, 12);
    expect(nearest[1]?.periodOffset).toBe(1);
  });

  it('extrapolates outside the series with the edge period length and honours the limits', () => {
    const [early] = eventsNearChangepoints([0], months, events, { maxEvents: 1 });
    expect(early?.nearestEvents.map((e) => e.event.id)).toEqual(['pre']);
    // 1 Nov 2014 is 61 days before 1 Jan 2015; January has 31 days.
    expect(early?.nearestEvents[0]?.distancePeriods).toBeCloseTo(-61 / 31, 12);
    expect(early?.nearestEvents[0]?.periodIndex).toBe(-2);
    const [late] = eventsNearChangepoints([23], months, events, { maxEvents: 5, maxDistancePeriods: 4 });
    expect(late?.nearestEvents.map((e) => e.event.id)).toEqual(['post']);
    expect(late?.nearestEvents[0]?.periodIndex).toBe(26);
    expect(eventsNearChangepoints([5], months, [])[0]?.nearestEvents).toEqual([]);
    expect(eventsNearChangepoints([], months, events)).toEqual([]);
  });

  it('breaks distance ties by date, then id', () => {
    const tied: DatedEvent[] = [
      { id: 'b', date: '2015-03-01', label: 'B' },
      { id: 'a', date: '2015-03-01', label: 'A' },
    ];
    const [context] = eventsNearChangepoints([2], months, tied);
    expect(context?.nearestEvents.map((e) => e.event.id)).toEqual(['a', 'b']);
    expect(context?.nearestEvents[0]?.distancePeriods).toBe(0);
  });

  it('refuses bad dates, unordered periods and out-of-range changepoints', () => {
    expect(() => eventsNearChangepoints([1], months, [{ id: 'x', date: '25/09/2015', label: 'x' }])).toThrowError(
      code('STATS_INVALID_INPUT'),
    );
    expect(() => eventsNearChangepoints([1], months, [{ id: 'x', date: '2015-09-25T10:00:00', label: 'local time' }])).toThrowError(
      code('STATS_INVALID_INPUT'),
    );
    expect(() => eventsNearChangepoints([1], ['2015-02-01', '2015-01-01'], [])).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => eventsNearChangepoints([24], months, [])).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => eventsNearChangepoints([0], ['2015-01-01'], [])).toThrowError(code('STATS_INSUFFICIENT_DATA'));
  });
});
