/**
 * Interrupted time series: a segmented log-linear count regression (Poisson, quasi-Poisson or
 * negative binomial) with a level change and optional slope change at the break, optional
 * harmonic seasonality and an optional exposure offset. Coefficients, Wald intervals and rate
 * ratios follow R's glm / MASS::glm.nb and Epi::ci.lin (exp(b +/- z * se)).
 */
import { StatsInsufficientDataError, StatsInvalidInputError, StatsNoConvergenceError } from './errors.js';
import { poissonFamily, negativeBinomialFamily, type GlmFamily } from './glm-family.js';
import { fitIrls, unscaledCovariance, type IrlsControl, type IrlsFit } from './irls.js';
import { buildItsDesign, type SeasonalitySpec } from './its-design.js';
import { fitNegativeBinomial } from './negative-binomial.js';
import { checkItsInput, nullDeviance, poissonLogLik, throwNumericallyZeroFit } from './its-checks.js';
import { normalQuantile } from './normal-quantile.js';
import { assertProbability } from './validation.js';

export type ItsFamily = 'poisson' | 'quasipoisson' | 'negbin';

export interface ItsControl {
  /** Relative deviance change that ends IRLS (R's glm.control epsilon); default 1e-8. */
  readonly epsilon?: number;
  /** Maximum IRLS iterations, and negative-binomial alternations (R's maxit); default 25. */
  readonly maxIterations?: number;
  /** Negative binomial: a theta above this is treated as infinite (fall back to Poisson); default 1e6. */
  readonly thetaLimit?: number;
  /**
   * When true (default) a fit that does not converge throws STATS_NO_CONVERGENCE; when false it
   * is returned with `converged: false` so the caller can inspect it.
   */
  readonly requireConvergence?: boolean;
}

export interface ItsInput {
  /** Event counts per period, oldest first. Non-negative; need not be integers for quasi-Poisson. */
  readonly counts: readonly number[];
  /** 0-based index of the first period after the intervention (e.g. the agreement's signing). */
  readonly breakIndex: number;
  /** Exposure per period (population, days, monitored entities); enters as offset log(exposure). */
  readonly exposure?: readonly number[];
  /** Default 'quasipoisson'. */
  readonly family?: ItsFamily;
  /** Add a slope-change term (0 before the break, then 1, 2, 3, ...). Default false. */
  readonly slopeChange?: boolean;
  readonly seasonality?: SeasonalitySpec;
  /** Level of the Wald intervals; default 0.95. */
  readonly confLevel?: number;
  readonly control?: ItsControl;
}

export interface ItsCoefficient {
  /** 'intercept', 'time', 'level', 'slope', 'sin1', ..., 'cos1', ... */
  readonly name: string;
  readonly estimate: number;
  /** Standard error (scaled by the dispersion for quasi-Poisson). */
  readonly se: number;
  /** Wald interval estimate +/- z * se on the log scale. */
  readonly confInt: readonly [number, number];
  /** exp(estimate): a rate ratio per unit of the covariate (the baseline rate for the intercept). */
  readonly rateRatio: number;
  readonly rateRatioConfInt: readonly [number, number];
}

export interface ItsFit {
  /** The family asked for. */
  readonly family: ItsFamily;
  /** The family actually fitted: 'poisson' when a negative binomial fell back. */
  readonly fittedFamily: ItsFamily;
  /** True when the negative binomial's theta ran to infinity and the Poisson fit is returned instead. */
  readonly negbinFellBackToPoisson: boolean;
  readonly breakIndex: number;
  readonly confLevel: number;
  readonly coefficients: readonly ItsCoefficient[];
  /** Covariance of the estimates (dispersion-scaled), in the order of `coefficients`. */
  readonly covariance: readonly (readonly number[])[];
  readonly deviance: number;
  /** Deviance of the intercept-only model (with the same offset and, for negbin, the same theta). */
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly pearsonChi2: number;
  /** 1 for Poisson and negative binomial; Pearson chi-square / df for quasi-Poisson (1 when `exactFit`). */
  readonly dispersion: number;
  /**
   * Quasi-Poisson only: the counts lie on the fitted curve to rounding (Pearson chi-square / df
   * below 1e-8, e.g. a constant or exactly geometric series). That estimate would scale the
   * intervals to zero width around rounding noise, so dispersion 1 (Poisson) is used instead.
   */
  readonly exactFit: boolean;
  /** R's AIC for the family; null for quasi-Poisson (no likelihood) and for non-integer Poisson counts. */
  readonly aic: number | null;
  readonly logLik: number | null;
  readonly theta: number | null;
  readonly thetaSe: number | null;
  /** IRLS iterations of the final fit. */
  readonly iterations: number;
  /** Negative binomial only: number of theta / IRLS alternations. */
  readonly alternations: number | null;
  readonly converged: boolean;
  readonly fitted: readonly number[];
  /** Fitted values with the level and slope terms set to zero: the pre-break trend carried on. */
  readonly counterfactual: readonly number[];
}

const DEFAULT_CONTROL = { epsilon: 1e-8, maxIterations: 25, thetaLimit: 1e6 } as const;
/** R's glm.fit warns when a Poisson mean falls below this ("fitted rates numerically 0"). */
const NUMERICALLY_ZERO = 10 * Number.EPSILON;
/** A quasi-Poisson dispersion below this means the counts lie on the curve: integer counts off it give far more. */
const EXACT_FIT_DISPERSION = 1e-8;

function resolveControl(control: ItsControl | undefined): IrlsControl & { thetaLimit: number; requireConvergence: boolean } {
  const epsilon = control?.epsilon ?? DEFAULT_CONTROL.epsilon;
  const maxIterations = control?.maxIterations ?? DEFAULT_CONTROL.maxIterations;
  const thetaLimit = control?.thetaLimit ?? DEFAULT_CONTROL.thetaLimit;
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new StatsInvalidInputError(`control.epsilon must be a positive number, got ${epsilon}`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new StatsInvalidInputError(`control.maxIterations must be a positive integer, got ${maxIterations}`);
  }
  if (!(thetaLimit > 0)) {
    throw new StatsInvalidInputError(`control.thetaLimit must be positive, got ${thetaLimit}`);
  }
  return { epsilon, maxIterations, thetaLimit, requireConvergence: control?.requireConvergence ?? true };
}

export function fitInterruptedTimeSeries(input: ItsInput): ItsFit {
  const family = input.family ?? 'quasipoisson';
  if (family !== 'poisson' && family !== 'quasipoisson' && family !== 'negbin') {
    throw new StatsInvalidInputError(`family must be 'poisson', 'quasipoisson' or 'negbin', got ${String(family)}`);
  }
  const confLevel = input.confLevel ?? 0.95;
  assertProbability(confLevel, 'confLevel');
  const control = resolveControl(input.control);
  const { counts: y, breakIndex } = input;
  checkItsInput(y, breakIndex, input.exposure);
  const offset = input.exposure === undefined ? y.map(() => 0) : input.exposure.map(Math.log);
  const design = buildItsDesign({
    length: y.length,
    breakIndex,
    slopeChange: input.slopeChange,
    seasonality: input.seasonality,
  });
  const { names, columns } = design;
  const p = columns.length;
  if (y.length <= p) {
    throw new StatsInsufficientDataError(
      `${y.length} observations cannot support ${p} coefficients (${names.join(', ')}): at least ${p + 1} are needed`,
    );
  }

  let fit: IrlsFit;
  let weightFamily: GlmFamily;
  let fittedFamily: ItsFamily = family;
  let fellBack = false;
  let theta: number | null = null;
  let thetaSe: number | null = null;
  let alternations: number | null = null;
  let twoLogLik: number | null = null;
  let converged: boolean;
  if (family === 'negbin') {
    const outcome = fitNegativeBinomial({ columns, names, y, offset, control, thetaLimit: control.thetaLimit });
    if (outcome.kind === 'diverged') {
      fit = outcome.poissonFit;
      weightFamily = poissonFamily();
      fittedFamily = 'poisson';
      fellBack = true;
      converged = fit.converged;
    } else {
      fit = outcome.fit;
      weightFamily = negativeBinomialFamily(outcome.fitTheta);
      theta = outcome.theta;
      thetaSe = outcome.thetaSe;
      alternations = outcome.alternations;
      twoLogLik = outcome.twoLogLik;
      converged = outcome.converged;
    }
  } else {
    weightFamily = poissonFamily();
    fit = fitIrls({ columns, names, y, offset, family: weightFamily, control });
    converged = fit.converged;
  }
  if (!converged && control.requireConvergence) {
    throw new StatsNoConvergenceError(
      `the ${family} fit did not converge within ${control.maxIterations} iterations (epsilon ${control.epsilon}); ` +
        'raise control.maxIterations or pass requireConvergence: false to inspect the last iterate',
    );
  }
  if (fit.mu.some((m) => m < NUMERICALLY_ZERO)) throwNumericallyZeroFit();

  const mu = fit.mu;
  const dfResidual = y.length - p;
  const pearsonChi2 = y.reduce((sum, yi, i) => {
    const mi = mu[i] ?? 0;
    return sum + (yi - mi) ** 2 / weightFamily.variance(mi);
  }, 0);
  // R keeps a dispersion of ~1e-20 for an exact fit, and its intervals then "exclude" no change
  // by 1e-14: noise read as a finding. No residual variation means nothing to scale by.
  const exactFit = family === 'quasipoisson' && pearsonChi2 / dfResidual < EXACT_FIT_DISPERSION;
  const dispersion = family === 'quasipoisson' && !exactFit ? pearsonChi2 / dfResidual : 1;
  // Covariance at the final means (R uses the weights of the last IRLS step, one update earlier;
  // at convergence the two agree, and the final means are the better-converged choice).
  const unscaled = unscaledCovariance(
    columns,
    mu.map((m) => (m * m) / weightFamily.variance(m)),
    names,
  );
  const covariance = unscaled.map((row) => row.map((value) => value * dispersion));
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const coefficients: ItsCoefficient[] = names.map((name, j) => {
    const estimate = fit.coefficients[j] ?? Number.NaN;
    const se = Math.sqrt(covariance[j]?.[j] ?? Number.NaN);
    const lower = estimate - z * se;
    const upper = estimate + z * se;
    return {
      name,
      estimate,
      se,
      confInt: [lower, upper],
      rateRatio: Math.exp(estimate),
      rateRatioConfInt: [Math.exp(lower), Math.exp(upper)],
    };
  });

  // The counterfactual keeps every term except the intervention ones (level, slope).
  const intervention = new Set(design.interventionTerms);
  const counterfactual = offset.map((base, i) => {
    let eta = base;
    columns.forEach((column, j) => {
      if (!intervention.has(names[j] ?? '')) eta += (column[i] ?? 0) * (fit.coefficients[j] ?? 0);
    });
    return Math.exp(eta);
  });

  let logLik: number | null = null;
  let aic: number | null = null;
  if (fittedFamily === 'poisson') {
    logLik = poissonLogLik(y, mu);
    aic = logLik === null ? null : -2 * logLik + 2 * p;
  } else if (fittedFamily === 'negbin' && twoLogLik !== null) {
    logLik = twoLogLik / 2;
    aic = -twoLogLik + 2 * p + 2;
  }

  return {
    family,
    fittedFamily,
    negbinFellBackToPoisson: fellBack,
    breakIndex,
    confLevel,
    coefficients,
    covariance,
    deviance: fit.deviance,
    nullDeviance: nullDeviance(y, offset, weightFamily, control),
    dfResidual,
    dfNull: y.length - 1,
    pearsonChi2,
    dispersion,
    exactFit,
    aic,
    logLik,
    theta,
    thetaSe,
    iterations: fit.iterations,
    alternations,
    converged,
    fitted: mu,
    counterfactual,
  };
}

/** The coefficient with the given name; throws STATS_INVALID_INPUT if the model has no such term. */
export function getCoefficient(fit: ItsFit, name: string): ItsCoefficient {
  const found = fit.coefficients.find((coefficient) => coefficient.name === name);
  if (found === undefined) {
    throw new StatsInvalidInputError(
      `the model has no coefficient '${name}'; it has ${fit.coefficients.map((c) => c.name).join(', ')}`,
    );
  }
  return found;
}
