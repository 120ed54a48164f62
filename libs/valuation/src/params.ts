import { ScenarioGridParams } from '@clearing/risk';

/** How one robust median feed (an underlying's index, a staking token's redemption rate) is formed. */
export interface FeedParams {
  /** A source's quote older than this, in event time, no longer counts. */
  readonly maxAgeMs: number;
  /** A fresh quote further than this fraction from the median of fresh quotes is an outlier. */
  readonly deviationBand: number;
  /** Fewer usable (fresh, in-band) sources than this makes the feed invalid. */
  readonly minSources: number;
  /** A move of the median beyond this fraction of the last confirmed value is a jump... */
  readonly jumpThreshold: number;
  /** ...if that value was confirmed within this window (a move across a data gap is not a jump)... */
  readonly jumpWindowMs: number;
  /** ...and is accepted only when this many sources quote beyond the threshold on the same side. */
  readonly jumpConfirmations: number;
}

/** Perpetual funding: premium clamped, then bounded relative to the initial-maintenance margin gap. */
export interface FundingParams {
  readonly periodHours: number;
  /** The interest component per period (BitMEX: 0.01% per 8 hours). */
  readonly interestRatePerPeriod: number;
  /** |interest - premium index| is clamped to this (BitMEX: 0.05%). */
  readonly interestClamp: number;
  /** Initial and maintenance margin rates of the perpetual (fractions of notional). */
  readonly initialMarginRate: number;
  readonly maintenanceMarginRate: number;
  /**
   * |funding per period| <= share x (IM - MM): a position opened at exactly its initial margin cannot be
   * pushed to maintenance margin by one period's funding alone.
   */
  readonly capShareOfMarginGap: number;
}

export interface UnderlyingParams {
  readonly index: FeedParams;
  /** Implied-vol points older than this (event time) leave the surface. */
  readonly volMaxAgeMs: number;
  /** Forward = index x e^(carry x years): the basis of dated futures and the options' forward. */
  readonly carryRatePerYear: number;
  /** Continuously compounded rate Black-76 discounts option payoffs with. */
  readonly discountRatePerYear: number;
  /** Half-life of the exponential average of observed market premium over the fair price. */
  readonly premiumHalfLifeMs: number;
  /** Market premium samples older than this are ignored (mark falls back to the fair price). */
  readonly premiumMaxAgeMs: number;
  /** The premium added to the fair price is clamped to +- this fraction of the index. */
  readonly premiumClamp: number;
  /** Expiry settlement = time-weighted average of the index over this window before expiry. */
  readonly settlementTwapWindowMs: number;
  readonly funding: FundingParams;
  /** Overrides of the default scenario grid for this underlying. */
  readonly grid: Partial<ScenarioGridParams>;
}

const MINUTE_MS = 60_000;

export const DEFAULT_FEED_PARAMS: FeedParams = {
  maxAgeMs: MINUTE_MS,
  deviationBand: 0.02,
  minSources: 2,
  jumpThreshold: 0.1,
  jumpWindowMs: 5 * MINUTE_MS,
  jumpConfirmations: 2,
};

export const DEFAULT_UNDERLYING_PARAMS: UnderlyingParams = {
  index: DEFAULT_FEED_PARAMS,
  volMaxAgeMs: 10 * MINUTE_MS,
  carryRatePerYear: 0,
  discountRatePerYear: 0,
  premiumHalfLifeMs: MINUTE_MS,
  premiumMaxAgeMs: 5 * MINUTE_MS,
  premiumClamp: 0.005,
  settlementTwapWindowMs: 30 * MINUTE_MS,
  funding: {
    periodHours: 8,
    interestRatePerPeriod: 0.0001,
    interestClamp: 0.0005,
    initialMarginRate: 0.1,
    maintenanceMarginRate: 0.05,
    capShareOfMarginGap: 0.5,
  },
  grid: {},
};

/** Redemption rates move slowly and are published rarely: a longer freshness and a tighter band. */
export const DEFAULT_REDEMPTION_PARAMS: FeedParams = {
  ...DEFAULT_FEED_PARAMS,
  maxAgeMs: 60 * MINUTE_MS,
  deviationBand: 0.005,
  minSources: 1,
  jumpThreshold: 0.02,
  jumpWindowMs: 24 * 60 * MINUTE_MS,
};
