import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialDensity,
  digamma,
  logGamma,
  normalQuantile,
  poissonCdf,
  poissonDensity,
  trigamma,
} from '../../src/statistics/index.js';
import { expectClose } from './test-vectors.js';

// Reference values computed independently with mpmath at 50 significant digits (scipy for qnorm).
describe('special functions', () => {
  it('logGamma matches mpmath.loggamma to 1e-14 (absolute below 1, where lgamma crosses zero)', () => {
    const cases: [number, number][] = [
      [0.001, 6.9071788853838536825],
      [0.5, 0.57236494292470008707],
      [1.5, -0.12078223763524522235],
      [3.7, 1.4280723266653879219],
      [12.25, 18.115669505710892619],
      [356.28, 1735.1017448337572619],
      [1401, 8746.4596336595048348],
      [1e6, 12815504.56914761166],
    ];
    for (const [x, expected] of cases) {
      if (Math.abs(expected) < 1) expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-14);
      else expectClose(logGamma(x), expected, 1e-14, `logGamma(${x})`);
    }
  });

  it('digamma and trigamma match mpmath to 1e-14', () => {
    const digammaCases: [number, number][] = [
      [0.001, -1000.5755719318103005],
      [0.5, -1.9635100260214234794],
      [2.5, 0.70315664064524318723],
      [9.99, 2.2507003728312010995],
      [356.28, 5.8743128914707988672],
      [1156.7, 7.0528940758173687025],
    ];
    for (const [x, expected] of digammaCases) expectClose(digamma(x), expected, 1e-14, `digamma(${x})`);
    const trigammaCases: [number, number][] = [
      [0.001, 1000001.642533195869],
      [0.5, 4.9348022005446793094],
      [2.5, 0.49035775610023486497],
      [9.99, 0.10527695014824178675],
      [356.28, 0.0028107238789520486763],
      [1156.7, 0.0008649022121276787499],
    ];
    for (const [x, expected] of trigammaCases) expectClose(trigamma(x), expected, 1e-14, `trigamma(${x})`);
  });

  it('rejects arguments outside the domain instead of returning NaN', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => digamma(-1)).toThrow(RangeError);
    expect(() => trigamma(Number.NaN)).toThrow(RangeError);
  });

  it('normalQuantile matches scipy ndtri across the range, including far tails', () => {
    const cases: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-20, -9.262340089798409],
      [0.001, -3.090232306167813],
      [0.025, -1.9599639845400545],
      [0.3, -0.5244005127080409],
      [0.975, 1.959963984540054],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, expected] of cases) expectClose(normalQuantile(p), expected, 1e-14, `qnorm(${p})`);
    expect(normalQuantile(0.5)).toBe(0);
    expect(() => normalQuantile(1)).toThrowError(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }) as Error);
  });
});

describe('Poisson and binomial distributions', () => {
  it('keeps full relative accuracy for large counts (Loader densities)', () => {
    expectClose(poissonDensity(2_500_000, 2_500_000), 0.00025231324379157440493, 1e-12, 'dpois(2.5e6, 2.5e6)');
    expectClose(binomialDensity(31_000, 100_000, 0.3), 1.4444113874724022537e-13, 1e-11, 'dbinom(31000, 1e5, 0.3)');
  });

  it('computes both tails with relative accuracy, including tiny ones', () => {
    expectClose(poissonCdf(1000, 1200), 1.5531469821142221561e-9, 1e-12, 'ppois(1000, 1200)');
    expectClose(poissonCdf(1300, 1200, false), 0.0020733084753402250814, 1e-12, 'ppois(1300, 1200, upper)');
    expectClose(binomialCdf(60, 1460, 9 / 33), 9.542572372286112843e-121, 1e-11, 'pbinom(60, 1460, 9/33)');
    expect(poissonCdf(-1, 3)).toBe(0);
    expect(poissonCdf(5, 0)).toBe(1);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(3, 10, 0.4) + binomialCdf(3, 10, 0.4, false)).toBeCloseTo(1, 15);
  });
});
