/**
 * Log-link count families for the IRLS fitter, mirroring R's poisson() and MASS's
 * negative.binomial(theta): variance function, unit deviance and starting means.
 */

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
    // 2 [y log(y/mu) - (y - mu)], with y log y = 0 at y = 0 (R's y_log_y).
    unitDeviance: (y, mu) => 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu)),
    startingMean: (y) => y + 0.1,
  };
}

export function negativeBinomialFamily(theta: number): GlmFamily {
  return {
    name: 'negbin',
    theta,
    variance: (mu) => mu + (mu * mu) / theta,
    unitDeviance: (y, mu) =>
      2 * (y * Math.log(Math.max(1, y) / mu) - (y + theta) * Math.log((y + theta) / (mu + theta))),
    startingMean: (y) => y + (y === 0 ? 1 / 6 : 0),
  };
}
