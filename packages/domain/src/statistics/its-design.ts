/**
 * Design matrix of a segmented (interrupted time series) regression:
 *   intercept, time (1..n), level (0 before the break, 1 from it on),
 *   optional slope change (0 before the break, then 1, 2, 3, ... from the break: R's
 *   `level:I(time - (break - 1))`, so the first post-break period already carries one unit of
 *   slope), optional harmonics as tsModel::harmonic(m, K, period): sin(2 pi k m / period) for
 *   k = 1..K, then cos(2 pi k m / period) for k = 1..K.
 */
import { StatsInvalidInputError } from './errors.js';

export interface SeasonalitySpec {
  /** Length of the seasonal cycle in periods (12 for monthly data with a yearly cycle). */
  readonly period: number;
  /** Number of sine/cosine pairs K (1 <= K <= period / 2). */
  readonly harmonics: number;
  /**
   * Position of each observation in the cycle, as the `x` of tsModel::harmonic (e.g. the month
   * number 1..12). Defaults to the time index 1..n, which is the same thing when the series starts
   * at position 1 of the cycle.
   */
  readonly positions?: readonly number[];
}

export interface ItsDesignSpec {
  readonly length: number;
  /** 0-based index of the first observation after the intervention. */
  readonly breakIndex: number;
  readonly slopeChange?: boolean;
  readonly seasonality?: SeasonalitySpec;
}

export interface ItsDesign {
  readonly names: readonly string[];
  /** Column-major: columns[j][i] is the value of covariate j at observation i. */
  readonly columns: readonly (readonly number[])[];
  /** Names of the columns that describe the intervention (zeroed for the counterfactual). */
  readonly interventionTerms: readonly string[];
}

export function buildItsDesign(spec: ItsDesignSpec): ItsDesign {
  const { length: n, breakIndex } = spec;
  const index = Array.from({ length: n }, (_, i) => i);
  const names = ['intercept', 'time', 'level'];
  const columns: number[][] = [
    index.map(() => 1),
    index.map((i) => i + 1),
    index.map((i) => (i >= breakIndex ? 1 : 0)),
  ];
  const interventionTerms = ['level'];
  if (spec.slopeChange === true) {
    names.push('slope');
    columns.push(index.map((i) => (i >= breakIndex ? i - breakIndex + 1 : 0)));
    interventionTerms.push('slope');
  }
  if (spec.seasonality !== undefined) {
    const { period, harmonics } = spec.seasonality;
    if (!Number.isFinite(period) || period <= 0) {
      throw new StatsInvalidInputError(`seasonality.period must be a positive number, got ${period}`);
    }
    if (!Number.isInteger(harmonics) || harmonics < 1 || harmonics > period / 2) {
      throw new StatsInvalidInputError(
        `seasonality.harmonics must be an integer between 1 and period / 2 (${period / 2}), got ${harmonics}`,
      );
    }
    const positions = spec.seasonality.positions ?? index.map((i) => i + 1);
    if (positions.length !== n || positions.some((m) => !Number.isFinite(m))) {
      throw new StatsInvalidInputError(`seasonality.positions must hold ${n} finite numbers, one per observation`);
    }
    // Same operation order as tsModel::harmonic (k * 2 * pi / period, then x * k) for bitwise-close columns.
    const frequencies = Array.from({ length: harmonics }, (_, k) => ((k + 1) * 2 * Math.PI) / period);
    frequencies.forEach((frequency, k) => {
      names.push(`sin${k + 1}`);
      columns.push(positions.map((m) => Math.sin(m * frequency)));
    });
    frequencies.forEach((frequency, k) => {
      names.push(`cos${k + 1}`);
      columns.push(positions.map((m) => Math.cos(m * frequency)));
    });
  }
  return { names, columns, interventionTerms };
}
