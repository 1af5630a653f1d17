/**
 * Iteratively reweighted least squares for log-link count GLMs: a line-by-line port of the loop
 * in R's glm.fit (same starting values, same convergence test |dev - dev_old| / (|dev| + 0.1) <
 * epsilon, same step halving when the deviance is not finite). The design's rank is checked once
 * with an ml-matrix Householder QR (R's aliasing test); each weighted least-squares step then solves
 * the p × p normal equations X'WX b = X'Wz by ml-matrix's Cholesky. For these small, well-scaled
 * designs (p ≤ ~30 columns) that keeps the results within 1e-10 of R's QR path (see the R test
 * vectors) at a fraction of the cost of a QR of the n × p matrix in every iteration.
 */
import { CholeskyDecomposition, Matrix, QrDecomposition } from 'ml-matrix';
import { StatsNoConvergenceError, StatsSingularDesignError } from './errors.js';
import type { GlmFamily } from './glm-family.js';

export interface IrlsControl {
  /** Relative deviance change that stops the iterations (R's glm.control epsilon). */
  readonly epsilon: number;
  /** Maximum number of IRLS iterations (R's glm.control maxit). */
  readonly maxIterations: number;
}

export interface IrlsFit {
  readonly coefficients: readonly number[];
  /** Linear predictor, offset included. */
  readonly eta: readonly number[];
  readonly mu: readonly number[];
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * R's dqrdc2 declares a column aliased when what is left of it after projecting out the earlier
 * columns is below 1e-7 of its norm; the same test is applied to the Householder diagonal here.
 */
const RANK_TOLERANCE = 1e-7;

/** Columns are covariates (column-major), each as long as the response. */
export type DesignColumns = readonly (readonly number[])[];

function weightedDesign(columns: DesignColumns, rows: readonly number[], sqrtWeights: readonly number[]): Matrix {
  const matrix = new Matrix(rows.length, columns.length);
  rows.forEach((row, r) => {
    columns.forEach((column, j) => {
      matrix.set(r, j, (column[row] ?? 0) * (sqrtWeights[r] ?? 0));
    });
  });
  return matrix;
}

function checkRank(qr: QrDecomposition, matrix: Matrix, names: readonly string[] | undefined): void {
  const upper = qr.upperTriangularMatrix;
  for (let j = 0; j < matrix.columns; j += 1) {
    const columnNorm = Math.hypot(...matrix.getColumn(j));
    if (!(Math.abs(upper.get(j, j)) > RANK_TOLERANCE * columnNorm)) {
      const name = names?.[j] ?? `column ${j + 1}`;
      throw new StatsSingularDesignError(
        `the design is rank deficient: '${name}' is (numerically) a combination of the earlier terms, so it cannot be estimated`,
      );
    }
  }
}

/** Solves min || sqrt(w) (z - X b) || over the given rows with a Householder QR. */
export function weightedLeastSquares(
  columns: DesignColumns,
  rows: readonly number[],
  z: readonly number[],
  sqrtWeights: readonly number[],
  names?: readonly string[],
): number[] {
  const design = weightedDesign(columns, rows, sqrtWeights);
  const qr = new QrDecomposition(design);
  checkRank(qr, design, names);
  const response = Matrix.columnVector(rows.map((_, r) => (z[r] ?? 0) * (sqrtWeights[r] ?? 0)));
  return qr.solve(response).getColumn(0);
}

/** Throws StatsSingularDesignError when a column is aliased (R's dqrdc2 test on the unweighted design). */
export function assertFullRank(columns: DesignColumns, rows: readonly number[], names?: readonly string[]): void {
  const design = weightedDesign(columns, rows, rows.map(() => 1));
  checkRank(new QrDecomposition(design), design, names);
}

/**
 * The same solution through the normal equations: X'WX and X'Wz accumulated in one pass over the
 * rows, then a Cholesky solve of the p × p system. Falls back to the QR when the Cholesky fails.
 */
function normalEquationsStep(columns: DesignColumns, rows: readonly number[], z: readonly number[], weights: readonly number[], names?: readonly string[]): number[] {
  const p = columns.length;
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  const x = new Float64Array(p);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] ?? 0;
    const w = weights[r] ?? 0;
    for (let j = 0; j < p; j += 1) x[j] = columns[j]?.[row] ?? 0;
    const wz = w * (z[r] ?? 0);
    for (let j = 0; j < p; j += 1) {
      const wxj = w * (x[j] ?? 0);
      xtwz[j] = (xtwz[j] ?? 0) + (x[j] ?? 0) * wz;
      for (let k = 0; k <= j; k += 1) xtwx[j * p + k] = (xtwx[j * p + k] ?? 0) + wxj * (x[k] ?? 0);
    }
  }
  const system = new Matrix(p, p);
  for (let j = 0; j < p; j += 1) {
    for (let k = 0; k <= j; k += 1) {
      const value = xtwx[j * p + k] ?? 0;
      system.set(j, k, value);
      system.set(k, j, value);
    }
  }
  const cholesky = new CholeskyDecomposition(system);
  if (!cholesky.isPositiveDefinite()) return weightedLeastSquares(columns, rows, z, weights.map(Math.sqrt), names);
  return cholesky.solve(Matrix.columnVector([...xtwz])).getColumn(0);
}

/**
 * (X' W X)^-1 from the QR of sqrt(W) X: R^-1 R^-T, as R's chol2inv(qr.R). W are the working
 * weights mu^2 / V(mu) at the fitted means.
 */
export function unscaledCovariance(columns: DesignColumns, weights: readonly number[], names?: readonly string[]): number[][] {
  const rows = weights.map((_, i) => i);
  const design = weightedDesign(columns, rows, weights.map(Math.sqrt));
  const qr = new QrDecomposition(design);
  checkRank(qr, design, names);
  const upper = qr.upperTriangularMatrix;
  const p = columns.length;
  // Invert the upper-triangular factor by back substitution, column by column.
  const inverse = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let col = 0; col < p; col += 1) {
    for (let i = col; i >= 0; i -= 1) {
      let sum = i === col ? 1 : 0;
      for (let k = i + 1; k <= col; k += 1) sum -= upper.get(i, k) * (inverse[k]?.[col] ?? 0);
      const row = inverse[i];
      if (row !== undefined) row[col] = sum / upper.get(i, i);
    }
  }
  const covariance = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j < p; j += 1) {
      let sum = 0;
      for (let k = Math.max(i, j); k < p; k += 1) sum += (inverse[i]?.[k] ?? 0) * (inverse[j]?.[k] ?? 0);
      const row = covariance[i];
      if (row !== undefined) row[j] = sum;
    }
  }
  return covariance;
}

// Plain loops: these run every iteration over every observation, the fit's hottest code.
function linearPredictor(columns: DesignColumns, coefficients: readonly number[], offset: readonly number[]): number[] {
  const eta = offset.slice();
  for (let j = 0; j < columns.length; j += 1) {
    const column = columns[j] ?? [];
    const b = coefficients[j] ?? 0;
    for (let i = 0; i < eta.length; i += 1) eta[i] = (eta[i] ?? 0) + (column[i] ?? 0) * b;
  }
  return eta;
}

function totalDeviance(family: GlmFamily, y: readonly number[], mu: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < y.length; i += 1) sum += family.unitDeviance(y[i] ?? 0, mu[i] ?? Number.NaN);
  return sum;
}

function validMeans(mu: readonly number[]): boolean {
  return mu.every((value) => Number.isFinite(value) && value > 0);
}

export interface IrlsInput {
  readonly columns: DesignColumns;
  readonly names?: readonly string[];
  readonly y: readonly number[];
  readonly offset: readonly number[];
  readonly family: GlmFamily;
  readonly control: IrlsControl;
  /** Starting linear predictor (offset included), as glm.fit's etastart; else the family's start. */
  readonly etaStart?: readonly number[];
}

export function fitIrls(input: IrlsInput): IrlsFit {
  const { columns, names, y, offset, family, control } = input;
  let eta = input.etaStart === undefined ? y.map((value) => Math.log(family.startingMean(value))) : [...input.etaStart];
  let mu = eta.map(Math.exp);
  if (!validMeans(mu)) {
    throw new StatsNoConvergenceError('cannot find valid starting values for the IRLS iterations');
  }
  let devianceOld = totalDeviance(family, y, mu);
  // A single column (the intercept-only null model) cannot be aliased.
  if (columns.length > 1) assertFullRank(columns, mu.flatMap((value, i) => (value > 0 ? [i] : [])), names);
  let coefficients: number[] = [];
  let coefficientsOld: number[] | undefined;
  let converged = false;
  let iteration = 0;
  for (iteration = 1; iteration <= control.maxIterations; iteration += 1) {
    // Observations whose mean underflowed carry no information (R drops mu.eta == 0).
    const rows = mu.flatMap((value, i) => (value > 0 ? [i] : []));
    const z = rows.map((i) => (eta[i] ?? 0) - (offset[i] ?? 0) + ((y[i] ?? 0) - (mu[i] ?? 0)) / (mu[i] ?? 1));
    // For the log link mu.eta = mu, so the working weight is mu^2 / V(mu).
    const weights = rows.map((i) => {
      const m = mu[i] ?? 0;
      return (m * m) / family.variance(m);
    });
    let candidate = normalEquationsStep(columns, rows, z, weights, names);
    eta = linearPredictor(columns, candidate, offset);
    mu = eta.map(Math.exp);
    let deviance = totalDeviance(family, y, mu);
    if (!Number.isFinite(deviance) || !validMeans(mu)) {
      // R halves the step back towards the last good coefficients until the fit is valid again.
      if (coefficientsOld === undefined) {
        throw new StatsNoConvergenceError('no valid set of coefficients was found in the first IRLS step');
      }
      const previous = coefficientsOld;
      for (let halving = 1; !Number.isFinite(deviance) || !validMeans(mu); halving += 1) {
        if (halving > control.maxIterations) {
          throw new StatsNoConvergenceError('IRLS step halving could not restore a finite deviance');
        }
        candidate = candidate.map((value, j) => (value + (previous[j] ?? 0)) / 2);
        eta = linearPredictor(columns, candidate, offset);
        mu = eta.map(Math.exp);
        deviance = totalDeviance(family, y, mu);
      }
    }
    coefficients = candidate;
    if (Math.abs(deviance - devianceOld) / (Math.abs(deviance) + 0.1) < control.epsilon) {
      converged = true;
      devianceOld = deviance;
      break;
    }
    devianceOld = deviance;
    coefficientsOld = candidate;
  }
  return {
    coefficients,
    eta,
    mu,
    deviance: devianceOld,
    iterations: Math.min(iteration, control.maxIterations),
    converged,
  };
}
