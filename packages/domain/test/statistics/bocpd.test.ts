import { describe, expect, it } from 'vitest';
import { bayesianOnlineChangepoints } from '../../src/statistics/index.js';
import { vectors } from './test-vectors.js';

const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;

describe('Bayesian online changepoint detection against R ocp::onlineCPD (Poisson-Gamma)', () => {
  it('reproduces the small run-length posterior column by column', () => {
    const small = vectors.bocpd_small;
    const [shape, rate] = small.prior_gamma_shape_rate;
    const result = bayesianOnlineChangepoints(small.x, { hazard: small.hazard, prior: { shape, rate } });
    const reference = small['R_columns_t0_to_t6_rows_runlength0..6'];
    expect(result.runLengthPosterior).toHaveLength(reference.length);
    reference.forEach((column, t) => {
      const mine = result.runLengthPosterior[t] ?? [];
      expect(mine).toHaveLength(t + 1);
      // R printed 8 decimals.
      column.forEach((value, r) => expect(Math.abs((mine[r] ?? 0) - value)).toBeLessThan(5e-9));
      expect(mine.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    });
  });

  it('with a constant hazard, P(r_t = 0) is the hazard at every step (Adams & MacKay)', () => {
    const result = bayesianOnlineChangepoints(vectors.coal_1851_1962.counts, { hazard: 0.01 });
    result.runLengthPosterior.slice(1).forEach((column) => expect(column[0]).toBeCloseTo(0.01, 15));
  });

  it('reproduces ocp maxCPs on the coal series (hazard 1/100): segments start at 1 and 42', () => {
    const result = bayesianOnlineChangepoints(vectors.coal_1851_1962.counts, { hazard: 1 / 100 });
    const starts = vectors.coal_1851_1962.ocp_bocpd_poisson_gamma11_hazard1over100.maxCPs_segment_starts;
    expect(result.segmentStarts).toEqual(starts.map((s) => s - 1));
    expect(result.changepoints).toEqual([41]);
  });

  it('reproduces ocp maxCPs on the synthetic series with ocp defaults (lambda = 100)', () => {
    const result = bayesianOnlineChangepoints(vectors.synthetic36.counts);
    const starts = vectors.synthetic36.ocp_bocpd_poisson_gamma11.maxCPs_segment_starts;
    expect(result.segmentStarts).toEqual(starts.map((s) => s - 1));
    expect(result.hazard).toBe(0.01);
  });

  it('handles a single point, long zero runs and large counts without NaN', () => {
    const one = bayesianOnlineChangepoints([3], { hazard: 0.1 });
    expect(one.runLengthPosterior).toHaveLength(2);
    expect(one.runLengthPosterior[1]?.[0]).toBeCloseTo(0.1, 15);
    expect(one.runLengthPosterior[1]?.[1]).toBeCloseTo(0.9, 15);
    expect(one.segmentStarts[0]).toBe(0);
    const zeros = bayesianOnlineChangepoints(new Array<number>(300).fill(0), { keepRunLengthPosterior: false });
    expect(zeros.runLengthPosterior).toEqual([]);
    expect(zeros.changepoints).toEqual([]);
    const step = bayesianOnlineChangepoints([...new Array<number>(20).fill(1500), ...new Array<number>(20).fill(3000)]);
    expect(step.changepoints).toEqual([20]);
  });

  it('refuses empty and non-count input and an invalid hazard or prior', () => {
    expect(() => bayesianOnlineChangepoints([])).toThrowError(code('STATS_INSUFFICIENT_DATA'));
    expect(() => bayesianOnlineChangepoints([1, 2.5])).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => bayesianOnlineChangepoints([1, 2], { hazard: 0 })).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => bayesianOnlineChangepoints([1, 2], { hazard: 1 })).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => bayesianOnlineChangepoints([1, 2], { prior: { shape: 0, rate: 1 } })).toThrowError(code('STATS_INVALID_INPUT'));
  });
});
