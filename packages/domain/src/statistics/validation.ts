/** Input checks shared by the statistical methods; each throws a coded error naming the argument. */
import { StatsInvalidInputError } from './errors.js';

export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StatsInvalidInputError(`${name} must be a non-negative integer count, got ${value}`);
  }
}

export function assertPositiveFinite(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new StatsInvalidInputError(`${name} must be a positive finite number, got ${value}`);
  }
}

export function assertProbability(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new StatsInvalidInputError(`${name} must lie strictly between 0 and 1, got ${value}`);
  }
}

export function assertCountSeries(values: readonly number[], name: string): void {
  values.forEach((value, index) => {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new StatsInvalidInputError(`${name}[${index}] must be a non-negative integer count, got ${value}`);
    }
  });
}

export function assertNonNegativeSeries(values: readonly number[], name: string): void {
  values.forEach((value, index) => {
    if (!Number.isFinite(value) || value < 0) {
      throw new StatsInvalidInputError(`${name}[${index}] must be a non-negative finite number, got ${value}`);
    }
  });
}

export function assertFiniteSeries(values: readonly number[], name: string): void {
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new StatsInvalidInputError(`${name}[${index}] must be a finite number, got ${value}`);
    }
  });
}
