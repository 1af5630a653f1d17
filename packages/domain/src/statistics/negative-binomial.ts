/**
 * Negative-binomial GLM with theta estimated by maximum likelihood, alternating with IRLS exactly
 * as MASS::glm.nb: a Poisson start, theta.ml (Newton on the score with MASS's tolerance
 * eps^(1/4) and iteration limit), then IRLS at fixed theta, theta.ml again (on the means from
 * *before* that IRLS step, as MASS does), until |dLogLik|/d1 + |dTheta|/d2 <= epsilon.
 *
 * When the data show no overdispersion the likelihood keeps increasing as theta grows: theta
 * "runs to infinity". That is reported as divergence so the caller can fall back to Poisson.
 */
import { StatsNoConvergenceError } from './errors.js';
import { fitIrls, type DesignColumns, type IrlsControl, type IrlsFit } from './irls.js';
import { negativeBinomialFamily, poissonFamily } from './glm-family.js';
import { digamma, logGamma, trigamma } from './special-functions.js';

/** MASS's default tolerance for theta.ml: .Machine$double.eps^0.25. */
const THETA_EPSILON = Math.pow(Number.EPSILON, 0.25);

export interface ThetaEstimate {
  readonly theta: number;
  /** sqrt(1 / information) at the last Newton iterate, as MASS's attr(theta, "SE"). */
  readonly se: number;
  /** True when theta was not finite, grew past the limit, or hit the Newton iteration limit while growing. */
  readonly diverged: boolean;
}

/** MASS::theta.ml for unit prior weights. */
export function thetaMl(y: readonly number[], mu: readonly number[], limit: number, thetaLimit: number): ThetaEstimate {
  const n = y.length;
  const score = (theta: number): number =>
    y.reduce((sum, yi, i) => {
      const mi = mu[i] ?? 0;
      return sum + digamma(theta + yi) - digamma(theta) + Math.log(theta) + 1 - Math.log(theta + mi) - (yi + theta) / (mi + theta);
    }, 0);
  const information = (theta: number): number =>
    y.reduce((sum, yi, i) => {
      const mi = mu[i] ?? 0;
      return sum - trigamma(theta + yi) + trigamma(theta) - 1 / theta + 2 / (mi + theta) - (yi + theta) / ((mi + theta) * (mi + theta));
    }, 0);
  let theta = n / y.reduce((sum, yi, i) => sum + (yi / (mu[i] ?? 1) - 1) ** 2, 0);
  let info = Number.NaN;
  let iteration = 0;
  let step = 1;
  while ((iteration += 1) < limit && Math.abs(step) > THETA_EPSILON) {
    theta = Math.abs(theta);
    if (!Number.isFinite(theta) || theta === 0 || theta > thetaLimit) {
      return { theta, se: Number.NaN, diverged: true };
    }
    info = information(theta);
    step = score(theta) / info;
    theta += step;
  }
  const hitLimit = iteration === limit;
  const diverged = !Number.isFinite(theta) || theta > thetaLimit || (hitLimit && step > 0);
  if (!diverged && theta <= 0) {
    throw new StatsNoConvergenceError('the negative-binomial theta estimate was truncated at zero');
  }
  return { theta, se: Math.sqrt(1 / info), diverged };
}

/** The negative-binomial log-likelihood, MASS's internal `loglik`. */
export function negativeBinomialLogLik(theta: number, mu: readonly number[], y: readonly number[]): number {
  return y.reduce((sum, yi, i) => {
    const mi = mu[i] ?? 0;
    return (
      sum +
      logGamma(theta + yi) -
      logGamma(theta) -
      logGamma(yi + 1) +
      theta * Math.log(theta) +
      yi * Math.log(mi + (yi === 0 ? 1 : 0)) -
      (theta + yi) * Math.log(theta + mi)
    );
  }, 0);
}

export interface NegativeBinomialInput {
  readonly columns: DesignColumns;
  readonly names: readonly string[];
  readonly y: readonly number[];
  readonly offset: readonly number[];
  readonly control: IrlsControl;
  /** Theta above which the estimate is treated as infinite (the data are not overdispersed). */
  readonly thetaLimit: number;
}

export type NegativeBinomialOutcome =
  | {
      readonly kind: 'fitted';
      /** The final IRLS fit; its family's theta is the one its weights used (as in MASS). */
      readonly fit: IrlsFit;
      readonly fitTheta: number;
      readonly theta: number;
      readonly thetaSe: number;
      readonly twoLogLik: number;
      readonly alternations: number;
      readonly converged: boolean;
    }
  | { readonly kind: 'diverged'; readonly poissonFit: IrlsFit };

export function fitNegativeBinomial(input: NegativeBinomialInput): NegativeBinomialOutcome {
  const { columns, names, y, offset, control, thetaLimit } = input;
  const poissonFit = fitIrls({ columns, names, y, offset, family: poissonFamily(), control });
  let mu = poissonFit.mu;
  // No overdispersion at the Poisson fit (score for 1/theta at 0 is <= 0): theta's MLE is infinite.
  const overdispersionScore = y.reduce((sum, yi, i) => sum + (yi - (mu[i] ?? 0)) ** 2 - yi, 0);
  if (!(overdispersionScore > 0)) return { kind: 'diverged', poissonFit };

  let estimate = thetaMl(y, mu, control.maxIterations, thetaLimit);
  if (estimate.diverged) return { kind: 'diverged', poissonFit };
  let theta = estimate.theta;
  let fit = poissonFit;
  let fitTheta = theta;
  const d1 = Math.sqrt(2 * Math.max(1, y.length - columns.length));
  const d2 = 1;
  let change = 1;
  let logLik = negativeBinomialLogLik(theta, mu, y);
  let logLikOld = logLik + 2 * d1;
  let alternation = 0;
  while (
    (alternation += 1) <= control.maxIterations &&
    Math.abs(logLikOld - logLik) / d1 + Math.abs(change) / d2 > control.epsilon
  ) {
    fitTheta = theta;
    fit = fitIrls({
      columns,
      names,
      y,
      offset,
      family: negativeBinomialFamily(theta),
      control,
      etaStart: mu.map(Math.log),
    });
    const previousTheta = theta;
    estimate = thetaMl(y, mu, control.maxIterations, thetaLimit);
    if (estimate.diverged) return { kind: 'diverged', poissonFit };
    theta = estimate.theta;
    mu = fit.mu;
    change = previousTheta - theta;
    logLikOld = logLik;
    logLik = negativeBinomialLogLik(theta, mu, y);
  }
  return {
    kind: 'fitted',
    fit,
    fitTheta,
    theta,
    thetaSe: estimate.se,
    twoLogLik: 2 * logLik,
    alternations: Math.min(alternation, control.maxIterations),
    converged: alternation <= control.maxIterations && fit.converged && poissonFit.converged,
  };
}
