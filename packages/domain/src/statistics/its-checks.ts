/** Input checks and likelihood bookkeeping for the interrupted-time-series fit. */
import {
  StatsDegenerateInputError,
  StatsInsufficientDataError,
  StatsInvalidInputError,
  StatsSeparationError,
} from './errors.js';
import { fitIrls, type IrlsControl } from './irls.js';
import type { GlmFamily } from './glm-family.js';
import { logPoissonDensity } from './discrete-distributions.js';
import { assertNonNegativeSeries } from './validation.js';

export function checkItsInput(y: readonly number[], breakIndex: number, exposure: readonly number[] | undefined): void {
  if (y.length === 0) throw new StatsInsufficientDataError('the series is empty: there is nothing to fit');
  if (y.length === 1) throw new StatsInsufficientDataError('a single observation cannot show a trend or a break');
  assertNonNegativeSeries(y, 'counts');
  if (exposure !== undefined) {
    if (exposure.length !== y.length) {
      throw new StatsInvalidInputError(`exposure has ${exposure.length} values but counts has ${y.length}`);
    }
    exposure.forEach((value, i) => {
      if (!Number.isFinite(value) || value <= 0) {
        throw new StatsInvalidInputError(`exposure[${i}] must be a positive finite number, got ${value}`);
      }
    });
  }
  if (!Number.isInteger(breakIndex) || breakIndex < 1 || breakIndex > y.length - 1) {
    throw new StatsInvalidInputError(
      `breakIndex must be an integer from 1 to ${y.length - 1} (at least one period on each side), got ${breakIndex}`,
    );
  }
  if (y.every((value) => value === 0)) {
    throw new StatsDegenerateInputError('every count is zero: a log-linear rate model has no finite estimate');
  }
  const before = y.slice(0, breakIndex).reduce((a, b) => a + b, 0);
  const after = y.slice(breakIndex).reduce((a, b) => a + b, 0);
  if (before === 0 || after === 0) {
    throw new StatsSeparationError(
      `every count ${before === 0 ? 'before' : 'from'} the break is zero, so the level change is infinite; ` +
        'use the exact rate-ratio test (exactPoissonRateRatio) instead',
    );
  }
}

export function throwNumericallyZeroFit(): never {
  throw new StatsSeparationError(
    'some fitted rates are numerically zero (a run of zero counts drives a coefficient to minus infinity); ' +
      'the Wald intervals would be meaningless: use the exact rate-ratio test or a shorter window',
  );
}

/** Poisson log-likelihood, or null when a count is not an integer (R's dpois is then zero). */
export function poissonLogLik(y: readonly number[], mu: readonly number[]): number | null {
  if (!y.every((value) => Number.isInteger(value))) return null;
  return y.reduce((sum, yi, i) => sum + logPoissonDensity(yi, mu[i] ?? 0), 0);
}

/**
 * Deviance of the intercept-only model with the same offset (R refits it when an offset is
 * present). For Poisson the fit is closed form; the negative binomial keeps the final theta.
 */
export function nullDeviance(y: readonly number[], offset: readonly number[], family: GlmFamily, control: IrlsControl): number {
  const total = y.reduce((a, b) => a + b, 0);
  const hasOffset = offset.some((value) => value !== 0);
  let mu: readonly number[];
  if (!hasOffset) {
    mu = y.map(() => total / y.length);
  } else if (family.name === 'poisson') {
    const exposureTotal = offset.reduce((sum, value) => sum + Math.exp(value), 0);
    mu = offset.map((value) => (Math.exp(value) * total) / exposureTotal);
  } else {
    mu = fitIrls({ columns: [y.map(() => 1)], names: ['intercept'], y, offset, family, control }).mu;
  }
  return y.reduce((sum, yi, i) => sum + family.unitDeviance(yi, mu[i] ?? 0), 0);
}
