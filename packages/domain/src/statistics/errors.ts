import { PactwatchError } from '../errors/pactwatch-error.js';

/**
 * Errors thrown by the statistical methods. Each carries a stable `code` from the project-wide
 * catalogue (errors/error-catalogue.ts), so the CLI and API map them to exit and HTTP codes like
 * any other error, and callers can branch on the kind of failure without parsing messages.
 */
export type StatisticsErrorCode =
  | 'STATS_INVALID_INPUT'
  | 'STATS_INSUFFICIENT_DATA'
  | 'STATS_DEGENERATE_INPUT'
  | 'STATS_SINGULAR_DESIGN'
  | 'STATS_SEPARATION'
  | 'STATS_NO_CONVERGENCE';

/** Base class: every error thrown on purpose by `statistics/` is one of these. */
export class StatisticsError extends PactwatchError {
  declare readonly code: StatisticsErrorCode;

  constructor(code: StatisticsErrorCode, message: string) {
    super(code, message);
    this.name = 'StatisticsError';
  }
}

/** Malformed input: wrong lengths, negative or non-finite values, options out of range. */
export class StatsInvalidInputError extends StatisticsError {
  constructor(message: string) {
    super('STATS_INVALID_INPUT', message);
    this.name = 'StatsInvalidInputError';
  }
}

/** Too few observations for the method (empty series, a single point, no residual degrees of freedom). */
export class StatsInsufficientDataError extends StatisticsError {
  constructor(message: string) {
    super('STATS_INSUFFICIENT_DATA', message);
    this.name = 'StatsInsufficientDataError';
  }
}

/** Well-formed input for which the quantity is undefined (all counts zero, no events at all). */
export class StatsDegenerateInputError extends StatisticsError {
  constructor(message: string) {
    super('STATS_DEGENERATE_INPUT', message);
    this.name = 'StatsDegenerateInputError';
  }
}

/** The regression design is rank deficient, so some coefficient is not identifiable. */
export class StatsSingularDesignError extends StatisticsError {
  constructor(message: string) {
    super('STATS_SINGULAR_DESIGN', message);
    this.name = 'StatsSingularDesignError';
  }
}

/**
 * Fitted means ran to zero (e.g. every count after the break is zero): the maximum-likelihood
 * estimate lies at infinity and Wald intervals are meaningless. Use the exact rate-ratio test instead.
 */
export class StatsSeparationError extends StatisticsError {
  constructor(message: string) {
    super('STATS_SEPARATION', message);
    this.name = 'StatsSeparationError';
  }
}

/** An iterative algorithm (IRLS, theta estimation, root finding) did not converge. */
export class StatsNoConvergenceError extends StatisticsError {
  constructor(message: string) {
    super('STATS_NO_CONVERGENCE', message);
    this.name = 'StatsNoConvergenceError';
  }
}

export function isStatisticsError(error: unknown): error is StatisticsError {
  return error instanceof StatisticsError;
}
