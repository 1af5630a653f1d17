import type { UncertainDate } from '../dates/uncertain-date.js';
import { periodsBetween, type Granularity } from './periods.js';

/** Something to count, dated by an uncertain date (an incident's start or disclosure). */
export interface DatedItem {
  readonly id: string;
  /** Undefined when the item has no date of the requested kind (e.g. never disclosed). */
  readonly date: UncertainDate | undefined;
}

export interface CountSeriesOptions {
  readonly granularity: Granularity;
  /** First and last instants the series covers (aligned outward to whole periods). */
  readonly from: number;
  readonly to: number;
  /**
   * `spread`: an item whose date may fall in several periods adds to each the fraction of its
   * date span that lies there (uniform over [earliest, latest]), so counts can be fractional.
   * `exclude`: such items are left out and counted as excluded.
   */
  readonly uncertain: 'spread' | 'exclude';
  /** The data source's coverage [from, to) in ms: outside it a period has no data (count null), not zero events. */
  readonly coverage?: { readonly from?: number; readonly to?: number };
}

export interface SeriesPeriod {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Events in the period, possibly fractional; null where the period is outside the coverage. */
  readonly count: number | null;
  /** Share of the period inside the coverage window (1 for full periods): the model's offset. */
  readonly exposure: number;
}

export interface CountSeries {
  readonly granularity: Granularity;
  readonly periods: readonly SeriesPeriod[];
  readonly items: number;
  /** Items counted whole in one period. */
  readonly exact: number;
  /** Items spread over several periods. */
  readonly spread: number;
  /** Items left out, by reason. */
  readonly excluded: { readonly uncertain: number; readonly unbounded: number; readonly undated: number; readonly outsideWindow: number };
  /** Share of spread items' weight that fell outside the window or coverage (lost, not counted). */
  readonly weightOutside: number;
  /** Sum of counts: exact + the in-window share of spread items. */
  readonly total: number;
}

/** Builds a count series; pure, deterministic, and accounts for every item it is given. */
export function buildCountSeries(items: readonly DatedItem[], options: CountSeriesOptions): CountSeries {
  const periods = periodsBetween(options.from, options.to, options.granularity);
  const coverFrom = Math.max(options.coverage?.from ?? -Infinity, periods[0]?.start ?? -Infinity);
  const coverTo = Math.min(options.coverage?.to ?? Infinity, periods[periods.length - 1]?.end ?? Infinity);
  const counts = periods.map(() => 0);
  const excluded = { uncertain: 0, unbounded: 0, undated: 0, outsideWindow: 0 };
  let exact = 0;
  let spread = 0;
  let weightOutside = 0;
  for (const item of items) {
    const date = item.date;
    if (date === undefined) {
      excluded.undated += 1;
      continue;
    }
    if (!Number.isFinite(date.earliest) || !Number.isFinite(date.latest)) {
      excluded.unbounded += 1;
      continue;
    }
    const lo = date.earliest;
    const hi = date.latest + 1; // latest is inclusive (…23:59:59.999)
    if (hi <= coverFrom || lo >= coverTo) {
      excluded.outsideWindow += 1;
      continue;
    }
    const touched = periods.flatMap((p, i) => (lo < p.end && hi > p.start ? [i] : []));
    if (touched.length === 1 && lo >= coverFrom && hi <= coverTo) {
      const index = touched[0] ?? 0;
      counts[index] = (counts[index] ?? 0) + 1;
      exact += 1;
      continue;
    }
    if (options.uncertain === 'exclude') {
      excluded.uncertain += 1;
      continue;
    }
    spread += 1;
    const span = hi - lo;
    let inside = 0;
    for (const index of touched) {
      const period = periods[index];
      if (period === undefined) continue;
      const overlap = Math.min(hi, period.end, coverTo) - Math.max(lo, period.start, coverFrom);
      if (overlap <= 0) continue;
      counts[index] = (counts[index] ?? 0) + overlap / span;
      inside += overlap / span;
    }
    weightOutside += 1 - inside;
  }
  const seriesPeriods = periods.map((p, i): SeriesPeriod => {
    const covered = Math.max(0, Math.min(p.end, coverTo) - Math.max(p.start, coverFrom));
    const exposure = covered / (p.end - p.start);
    return { label: p.label, start: p.start, end: p.end, count: exposure === 0 ? null : (counts[i] ?? 0), exposure };
  });
  const total = seriesPeriods.reduce((sum, p) => sum + (p.count ?? 0), 0);
  return { granularity: options.granularity, periods: seriesPeriods, items: items.length, exact, spread, excluded, weightOutside, total };
}
