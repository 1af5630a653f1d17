import { describe, expect, it } from 'vitest';
import { changepointPenalty, detectChangepoints, type PenaltyType } from '../../src/statistics/index.js';
import { expectClose, NILE, vectors } from './test-vectors.js';

const coal = vectors.coal_1851_1962;
const synthetic = vectors.synthetic36;
const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;

describe('changepoints: British coal-mining disasters against R changepoint 2.3 (cpt.meanvar, Poisson)', () => {
  const reference = coal.changepoint_meanvar_poisson;
  // The file's pen_MBIC / pen_BIC are 3 log(112) and 2 log(112) to 1.8e-10 relative: their last
  // printed digits differ from log(112) itself (4.718498871295), so compare at 1e-9.
  const PENALTY_TOLERANCE = 1e-9;

  it('AMOC with MBIC', () => {
    expect(detectChangepoints(coal.counts, { method: 'AMOC' }).changepoints).toEqual(reference.AMOC_MBIC);
  });

  it('PELT with MBIC: location, penalty 3 log n and segment means', () => {
    const result = detectChangepoints(coal.counts);
    expect(result.changepoints).toEqual(reference.PELT_MBIC);
    expectClose(result.penalty, reference.pen_MBIC, PENALTY_TOLERANCE, 'MBIC penalty');
    expectClose(result.penalty, 3 * Math.log(112), 1e-15, 'MBIC = 3 log n');
    expect(result.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 41],
      [41, 112],
    ]);
    result.segments.forEach((segment, i) => expectClose(segment.mean, reference.segment_means_MBIC[i] ?? Number.NaN, 1e-10, `mean ${i}`));
    expect(result.minSegmentLength).toBe(2);
  });

  it('PELT with BIC (2 log n) and AIC (4)', () => {
    const bic = detectChangepoints(coal.counts, { penalty: 'BIC' });
    expect(bic.changepoints).toEqual(reference.PELT_BIC);
    expectClose(bic.penalty, reference.pen_BIC, PENALTY_TOLERANCE, 'BIC penalty');
    const aic = detectChangepoints(coal.counts, { penalty: 'AIC' });
    expect(aic.changepoints).toEqual(reference.PELT_AIC);
    expect(aic.penalty).toBe(4);
  });

  it('a manual penalty equal to BIC gives the BIC result; a huge one gives no change', () => {
    expect(detectChangepoints(coal.counts, { penalty: 'Manual', penaltyValue: reference.pen_BIC }).changepoints).toEqual(
      reference.PELT_BIC,
    );
    expect(detectChangepoints(coal.counts, { penalty: 'Manual', penaltyValue: 1e6 }).changepoints).toEqual([]);
  });
});

describe('changepoints: synthetic 36-month series against R', () => {
  const reference = synthetic.changepoint_meanvar_poisson;

  it('AMOC, PELT (MBIC, BIC, AIC) and BinSeg (MBIC, Q = 5) locations', () => {
    expect(detectChangepoints(synthetic.counts, { method: 'AMOC' }).changepoints).toEqual(reference.AMOC_MBIC);
    expect(detectChangepoints(synthetic.counts).changepoints).toEqual(reference.PELT_MBIC);
    expect(detectChangepoints(synthetic.counts, { penalty: 'BIC' }).changepoints).toEqual(reference.PELT_BIC);
    expect(detectChangepoints(synthetic.counts, { penalty: 'AIC' }).changepoints).toEqual(reference.PELT_AIC_opDP);
    expect(detectChangepoints(synthetic.counts, { method: 'BinSeg' }).changepoints).toEqual(reference.BinSeg_MBIC_Q5);
  });
});

describe('changepoints: Nile (Normal costs) against R', () => {
  it('cpt.mean AMOC with MBIC finds 1898 (index 28) and the two means', () => {
    const result = detectChangepoints(NILE, { method: 'AMOC', cost: 'normal-mean' });
    expect(result.changepoints).toEqual(vectors.nile['cpt.mean_AMOC_MBIC']);
    result.segments.forEach((segment, i) => expectClose(segment.mean, vectors.nile.means[i] ?? Number.NaN, 1e-10, `mean ${i}`));
  });

  it('reproduces the note: PELT on the raw series, on the scaled series, and cpt.meanvar', () => {
    // cpt.mean assumes unit variance: on the raw flows it splits almost everywhere (~94 changes).
    const raw = detectChangepoints(NILE, { cost: 'normal-mean' });
    expect(raw.changepoints.length).toBeGreaterThanOrEqual(90);
    const mean = NILE.reduce((a, b) => a + b, 0) / NILE.length;
    const sd = Math.sqrt(NILE.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (NILE.length - 1));
    expect(detectChangepoints(NILE.map((x) => x / sd), { cost: 'normal-mean' }).changepoints).toEqual([28]);
    const meanvar = detectChangepoints(NILE, { cost: 'normal-meanvar' });
    expect(meanvar.changepoints).toEqual([4, 6, 28]);
    expectClose(meanvar.penalty, 4 * Math.log(NILE.length), 1e-12, 'meanvar MBIC = (2 + 2) log n');
  });
});

describe('changepoints: PELT is exact', () => {
  // Independent optimal partitioning (no pruning) with the Poisson MBIC cost.
  function optimalPartition(data: readonly number[], penalty: number, minSeg: number): { cost: number; cpts: number[] } {
    const n = data.length;
    const cum = [0];
    data.forEach((x, i) => cum.push((cum[i] ?? 0) + x));
    const seg = (s: number, t: number): number => {
      const sum = (cum[t] ?? 0) - (cum[s] ?? 0);
      return sum === 0 ? 0 : -2 * sum * Math.log(sum / (t - s)) + Math.log(t - s);
    };
    const best = [-penalty];
    const last = [0];
    for (let t = 1; t <= n; t += 1) {
      best[t] = Number.POSITIVE_INFINITY;
      for (let s = 0; s <= t - minSeg; s += 1) {
        if (s !== 0 && s < minSeg) continue;
        const value = (best[s] ?? Number.POSITIVE_INFINITY) + seg(s, t) + penalty;
        if (value < (best[t] ?? Number.POSITIVE_INFINITY)) {
          best[t] = value;
          last[t] = s;
        }
      }
    }
    const cpts: number[] = [];
    for (let t = last[n] ?? 0; t > 0; t = last[t] ?? 0) cpts.unshift(t);
    return { cost: best[n] ?? Number.NaN, cpts };
  }

  function poissonSample(mean: number, random: () => number): number {
    let k = 0;
    for (let p = Math.exp(-mean) , u = random(), s = p; u > s; s += p) {
      k += 1;
      p *= mean / k;
    }
    return k;
  }

  it('matches exhaustive optimal partitioning on random Poisson series with changes', () => {
    let seed = 20240611;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let withChanges = 0;
    for (let trial = 0; trial < 20; trial += 1) {
      const means = [2 + 10 * random(), 2 + 10 * random(), 2 + 10 * random()];
      const data = Array.from({ length: 60 }, (_, i) => poissonSample(means[Math.floor(i / 20)] ?? 1, random));
      const pelt = detectChangepoints(data);
      const op = optimalPartition(data, pelt.penalty, 2);
      expect(pelt.changepoints).toEqual(op.cpts);
      if (op.cpts.length > 0) withChanges += 1;
    }
    expect(withChanges).toBeGreaterThan(10);
  });
});

describe('changepoints: penalties and edge cases', () => {
  it('follows penalty_decision() of changepoint 2.3', () => {
    const n = 100;
    const cases: [PenaltyType, number][] = [
      ['MBIC', 3 * Math.log(n)],
      ['BIC', 2 * Math.log(n)],
      ['SIC', 2 * Math.log(n)],
      ['AIC', 4],
      ['Hannan-Quinn', 4 * Math.log(Math.log(n))],
      ['None', 0],
    ];
    for (const [type, expected] of cases) expectClose(changepointPenalty(type, n, 1), expected, 1e-15, type);
    expect(() => changepointPenalty('Manual', n, 1)).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => changepointPenalty('Manual', n, 1, -1)).toThrowError(code('STATS_INVALID_INPUT'));
  });

  it('refuses empty, too short and non-count data with coded errors', () => {
    expect(() => detectChangepoints([])).toThrowError(code('STATS_INSUFFICIENT_DATA'));
    expect(() => detectChangepoints([5])).toThrowError(code('STATS_INSUFFICIENT_DATA'));
    expect(() => detectChangepoints([5, 6, 7])).toThrowError(code('STATS_INSUFFICIENT_DATA'));
    expect(() => detectChangepoints([1, 2, 3.5, 4, 5])).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => detectChangepoints([1, 2, -3, 4, 5])).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => detectChangepoints([1, 2, Number.NaN, 4], { cost: 'normal-mean' })).toThrowError(code('STATS_INVALID_INPUT'));
    expect(() => detectChangepoints(coal.counts, { method: 'BinSeg', maxChangepoints: 0 })).toThrowError(code('STATS_INVALID_INPUT'));
  });

  it('finds no change in an all-zero or constant series (never NaN)', () => {
    const zeros = new Array<number>(24).fill(0);
    for (const method of ['PELT', 'AMOC', 'BinSeg'] as const) {
      const result = detectChangepoints(zeros, { method });
      expect(result.changepoints).toEqual([]);
      expect(result.segments).toEqual([{ start: 0, end: 24, mean: 0 }]);
    }
    expect(detectChangepoints(new Array<number>(30).fill(7)).changepoints).toEqual([]);
  });

  it('places an obvious change in a step series with large counts', () => {
    const data = [...new Array<number>(15).fill(1200), ...new Array<number>(15).fill(2500)];
    expect(detectChangepoints(data).changepoints).toEqual([15]);
    expect(detectChangepoints(data, { method: 'AMOC' }).changepoints).toEqual([15]);
    expect(detectChangepoints(data, { method: 'BinSeg' }).changepoints).toEqual([15]);
  });
});
