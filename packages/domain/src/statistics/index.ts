/** Public API of the pure statistical methods (issue 3). */
export {
  StatisticsError,
  StatsDegenerateInputError,
  StatsInsufficientDataError,
  StatsInvalidInputError,
  StatsNoConvergenceError,
  StatsSeparationError,
  StatsSingularDesignError,
  isStatisticsError,
  type StatisticsErrorCode,
} from './errors.js';
export {
  exactPoissonRate,
  exactPoissonRateRatio,
  poissonCountInterval,
  type ExactTestOptions,
  type PoissonRateOptions,
  type PoissonRateResult,
  type RateRatioInput,
  type RateRatioOptions,
  type RateRatioResult,
} from './exact-poisson-tests.js';
export { type Alternative, type TwoSidedRule } from './exact-binomial-test.js';
export {
  fitInterruptedTimeSeries,
  getCoefficient,
  type ItsCoefficient,
  type ItsControl,
  type ItsFamily,
  type ItsFit,
  type ItsInput,
} from './interrupted-time-series.js';
export { buildItsDesign, type ItsDesign, type ItsDesignSpec, type SeasonalitySpec } from './its-design.js';
export {
  detectChangepoints,
  type ChangepointMethod,
  type ChangepointOptions,
  type ChangepointResult,
  type ChangepointSegment,
} from './changepoints.js';
export { changepointPenalty, type ChangepointCost, type PenaltyType } from './changepoint-costs.js';
export { bayesianOnlineChangepoints, type BocpdOptions, type BocpdResult } from './bocpd.js';
export {
  eventsNearChangepoints,
  type ChangepointContext,
  type DatedEvent,
  type EventProximity,
  type EventProximityOptions,
} from './event-proximity.js';
export {
  binomialCdf,
  binomialDensity,
  logBinomialDensity,
  logPoissonDensity,
  poissonCdf,
  poissonDensity,
} from './discrete-distributions.js';
export { normalQuantile } from './normal-quantile.js';
export { digamma, logGamma, trigamma } from './special-functions.js';
