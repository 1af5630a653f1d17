/**
 * Log-link count families for the IRLS fitter, mirroring R's poisson() and MASS's
 * negative.binomial(theta): variance function, unit deviance and starting means.
 *
 * Unit deviances go through bd0 rather than R's literal y log(y/mu) - (y - mu): at the optimum of
 * a large count (1e9 per period) the two terms cancel and the literal form leaves rounding noise
 * of about eps * y (1e-7), which R's relative convergence test (dev change / (|dev| + 0.1)) never
 * sees settle. bd0 computes the same quantity by a series when y is near mu; elsewhere it is the
 * literal formula, so ordinary fits are unchanged.
 */
import { bd0 } from './special-functions.js';

/** y log(y/mu) - (y - mu), with y log y = 0 at y = 0 (R's y_log_y). */
function poissonHalfDeviance(y: number, mu: number): number {
  return y > 0 ? bd0(y, mu) : mu;
}

export interface GlmFamily {
  readonly name: 'poisson' | 'negbin';
  /** NB2 shape: Var(Y) = mu + mu^2 / theta. Undefined for Poisson. */
  readonly theta?: number;
  variance(mu: number): number;
  /** Unit deviance d(y, mu), summed to give the deviance (prior weights are all 1 here). */
  unitDeviance(y: number, mu: number): number;
  /** Starting mean, as the family's `initialize` expression in R. */
  startingMean(y: number): number;
}

export function poissonFamily(): GlmFamily {
  return {
    name: 'poisson',
    variance: (mu) => mu,
    unitDeviance: (y, mu) => 2 * poissonHalfDeviance(y, mu),
    startingMean: (y) => y + 0.1,
  };
}

export function negativeBinomialFamily(theta: number): GlmFamily {
  return {
    name: 'negbin',
    theta,
    variance: (mu) => mu + (mu * mu) / theta,
    // 2 [y log(y/mu) - (y + theta) log((y + theta)/(mu + theta))]: the (mu - y) parts of the two
    // bd0 terms cancel exactly, leaving MASS's expression.
    unitDeviance: (y, mu) => 2 * (poissonHalfDeviance(y, mu) - bd0(y + theta, mu + theta)),
    startingMean: (y) => y + (y === 0 ? 1 / 6 : 0),
  };
}
