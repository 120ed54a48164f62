import { Confirmed, FeedReading, SourceQuote } from './feed';
import { Settlement, TwapWindow } from './settlement';

/** One median feed: the latest quote per source, the reading at the state's clock, the jump reference. */
export interface FeedState {
  readonly quotes: ReadonlyMap<string, SourceQuote>;
  /** Taken at the state's clock; absent only between recording a first quote and advancing the clock. */
  readonly reading?: FeedReading;
  readonly confirmed?: Confirmed;
}

export interface RedemptionFeedState extends FeedState {
  readonly base: string;
}

/** The latest implied vol of one surface point (expiry and strike or delta), whichever source sent it. */
export interface VolQuote {
  readonly source: string;
  readonly expiryMs: number;
  readonly strike?: number;
  readonly delta?: number;
  readonly iv: number;
  readonly eventTimeMs: number;
}

/** Exponential average of (market price - fair price) of one perpetual or future. */
export interface PremiumState {
  readonly premium: number;
  readonly lastMs: number;
}

/**
 * Everything the oracle knows, as a fold of its inputs (`evolve`); marks are a function of it. The clock
 * is the latest event time seen, so a replay of the same inputs in the same order gives the same marks.
 */
export interface OracleState {
  /** Latest event time accepted (epoch ms); -Infinity before the first. */
  readonly clockMs: number;
  readonly indexes: ReadonlyMap<string, FeedState>;
  readonly redemptions: ReadonlyMap<string, RedemptionFeedState>;
  /** Per underlying, vol points keyed by `expiryMs:K<strike>` or `expiryMs:D<delta>`. */
  readonly vols: ReadonlyMap<string, ReadonlyMap<string, VolQuote>>;
  /** Per instrument symbol. */
  readonly premiums: ReadonlyMap<string, PremiumState>;
  /** Per `underlying@expiryMs`, while its settlement window is open. */
  readonly twaps: ReadonlyMap<string, TwapWindow>;
  /** Per `underlying@expiryMs`, once expired. */
  readonly settlements: ReadonlyMap<string, Settlement>;
}

export const EMPTY_ORACLE_STATE: OracleState = {
  clockMs: Number.NEGATIVE_INFINITY,
  indexes: new Map(),
  redemptions: new Map(),
  vols: new Map(),
  premiums: new Map(),
  twaps: new Map(),
  settlements: new Map(),
};

export function expiryKey(underlying: string, expiryMs: number): string {
  return `${underlying}@${expiryMs}`;
}

/** A copy of `map` with `key` set: the fold never mutates a state it was given. */
export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): Map<K, V> {
  return new Map(map).set(key, value);
}
