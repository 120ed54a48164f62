/**
 * RiskMetrics (J.P. Morgan, 1996) exponentially weighted variance of log returns of an index:
 * sigma2_t = lambda * sigma2_{t-1} + (1 - lambda) * r_t^2. A pure fold over index observations, so a
 * replay of the same observations gives the same volatility (no wall clock: one observation = one period).
 */
export interface EwmaVolatility {
  /** Decay per observation (RiskMetrics daily 0.94, monthly 0.97). */
  readonly lambda: number;
  /** Variance of one period's log return. */
  readonly variance: number;
  readonly lastPrice?: number;
  readonly observations: number;
}

/** The fold's start: `seedVariance` stands in until returns arrive (a prior, e.g. a long-run daily vol^2). */
export function ewmaVolatility(lambda: number, seedVariance: number): EwmaVolatility {
  if (!(lambda > 0 && lambda < 1)) throw new RangeError(`EWMA lambda must be in (0, 1), got ${lambda}`);
  if (!(seedVariance >= 0)) throw new RangeError(`EWMA seed variance must be >= 0, got ${seedVariance}`);
  return { lambda, variance: seedVariance, observations: 0 };
}

/** Folds one index observation; a non-positive or non-finite price is a caller bug, not a market move. */
export function observeIndex(state: EwmaVolatility, priceUsd: number): EwmaVolatility {
  if (!(priceUsd > 0 && Number.isFinite(priceUsd))) throw new RangeError(`index price ${priceUsd}`);
  if (state.lastPrice === undefined) return { ...state, lastPrice: priceUsd, observations: 1 };
  const logReturn = Math.log(priceUsd / state.lastPrice);
  const variance = state.lambda * state.variance + (1 - state.lambda) * logReturn * logReturn;
  return { ...state, variance, lastPrice: priceUsd, observations: state.observations + 1 };
}

/** Volatility over `periods` observation periods (square-root-of-time scaling, as RiskMetrics does). */
export function volatilityOver(state: Pick<EwmaVolatility, 'variance'>, periods: number): number {
  return Math.sqrt(state.variance * periods);
}
