/**
 * Loads R 4.2.2 reference outputs from shared/data/stats/testvectors.json (beside the repository)
 * and offers tolerance helpers. Test-only: reads the file with node:fs.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface GlmVector {
  readonly terms?: readonly string[];
  readonly coef: readonly number[];
  readonly se: readonly number[];
  readonly rr?: readonly number[];
  readonly rr_lo95?: readonly number[];
  readonly rr_hi95?: readonly number[];
  readonly dispersion?: number;
  readonly deviance?: number;
  readonly pearson_chi2?: number;
  readonly df_resid?: number;
  readonly loglik?: number;
  readonly aic?: number;
  readonly theta?: number;
  readonly se_theta?: number;
  readonly twologlik?: number;
}

export interface PoissonTestVector {
  readonly x: readonly number[];
  readonly T: readonly number[];
  readonly alternative?: 'greater' | 'less';
  readonly rr?: number;
  readonly rate?: number;
  readonly ci: readonly [number, number | 'Inf'];
  readonly p?: number;
  readonly 'p_R_poisson.test'?: number;
  readonly 'p_central_rateratio.test'?: number;
}

export interface TestVectors {
  readonly _note: string;
  readonly sicily: {
    readonly aces: readonly number[];
    readonly stdpop: readonly number[];
    readonly smokban_from_time: number;
    readonly model1_poisson: GlmVector;
    readonly model2_quasipoisson: GlmVector;
    readonly model3_quasipoisson_harmonic: GlmVector;
    readonly model4_quasipoisson_slopechange: GlmVector;
    readonly nb_model1: GlmVector;
    readonly nb_model3: GlmVector;
  };
  readonly coal_1851_1962: {
    readonly counts: readonly number[];
    readonly changepoint_meanvar_poisson: {
      readonly AMOC_MBIC: readonly number[];
      readonly PELT_MBIC: readonly number[];
      readonly PELT_BIC: readonly number[];
      readonly PELT_AIC: readonly number[];
      readonly pen_MBIC: number;
      readonly pen_BIC: number;
      readonly segment_means_MBIC: readonly number[];
    };
    readonly ocp_bocpd_poisson_gamma11_hazard1over100: { readonly maxCPs_segment_starts: readonly number[] };
  };
  readonly nile: { readonly 'cpt.mean_AMOC_MBIC': readonly number[]; readonly means: readonly number[]; readonly note: string };
  readonly synthetic36: {
    readonly counts: readonly number[];
    readonly changepoint_meanvar_poisson: {
      readonly AMOC_MBIC: readonly number[];
      readonly PELT_MBIC: readonly number[];
      readonly PELT_BIC: readonly number[];
      readonly BinSeg_MBIC_Q5: readonly number[];
      readonly PELT_AIC_opDP: readonly number[];
    };
    readonly ocp_bocpd_poisson_gamma11: { readonly maxCPs_segment_starts: readonly number[] };
  };
  readonly poisson_test: readonly PoissonTestVector[];
  readonly garwood_95: Readonly<Record<string, readonly [number, number] | number>>;
  readonly bocpd_small: {
    readonly x: readonly number[];
    readonly hazard: number;
    readonly prior_gamma_shape_rate: readonly [number, number];
    readonly 'R_columns_t0_to_t6_rows_runlength0..6': readonly (readonly number[])[];
  };
}

const VECTORS_URL = new URL('../../../../../shared/data/stats/testvectors.json', import.meta.url);

export const vectors = JSON.parse(readFileSync(VECTORS_URL, 'utf8')) as TestVectors;

/** Relative closeness |actual / expected - 1| <= tolerance (absolute when expected is 0). */
export function expectClose(actual: number, expected: number, tolerance: number, label = ''): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);
  expect(Number.isFinite(actual), `${label}: ${actual} is not finite`).toBe(true);
  expect(error, `${label}: got ${actual}, expected ${expected} (relative error ${error})`).toBeLessThanOrEqual(tolerance);
}

/** The Nile series (R datasets::Nile, annual flow at Aswan 1871-1970), not in the vectors file. */
export const NILE: readonly number[] = [
  1120, 1160, 963, 1210, 1160, 1160, 813, 1230, 1370, 1140, 995, 935, 1110, 994, 1020, 960, 1180, 799, 958, 1140,
  1100, 1210, 1150, 1250, 1260, 1220, 1030, 1100, 774, 840, 874, 694, 940, 833, 701, 916, 692, 1020, 1050, 969, 831,
  726, 456, 824, 702, 1120, 1100, 832, 764, 821, 768, 845, 864, 862, 698, 845, 744, 796, 1040, 759, 781, 865, 845,
  944, 984, 897, 822, 1010, 771, 676, 649, 846, 812, 742, 801, 1040, 860, 874, 848, 890, 744, 749, 838, 1050, 918,
  986, 797, 923, 975, 815, 1020, 906, 901, 1170, 912, 746, 919, 718, 714, 740,
];
