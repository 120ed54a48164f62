export { median } from './median';
export { readFeed } from './feed';
export type { Confidence, Confirmed, FeedReading, InvalidReason, SourceQuote } from './feed';
export { DEFAULT_FEED_PARAMS, DEFAULT_REDEMPTION_PARAMS, DEFAULT_UNDERLYING_PARAMS } from './params';
export type { FeedParams, FundingParams, UnderlyingParams } from './params';
export { observationFromWire } from './observation';
export type {
  IndexObservation,
  MarketObservation,
  Observation,
  RedemptionObservation,
  VolObservation,
} from './observation';
export { valuedInstrument } from './instruments';
export type { ValuedInstrument } from './instruments';
export { createOracleConfig } from './oracle-config';
export type { OracleConfig, UnderlyingOverrides, ValuationConfig } from './oracle-config';
export { EMPTY_ORACLE_STATE } from './oracle-state';
export type { FeedState, OracleState, PremiumState, RedemptionFeedState, VolQuote } from './oracle-state';
export type { Rejection, RejectionCode } from './admission';
export { evolve, replay } from './evolve';
export type { Evolved } from './evolve';
export type { Settlement } from './settlement';
export { fundingRate } from './funding';
export type { Funding } from './funding';
export { fairPrice, YEAR_MS, yearsUntil } from './fair-price';
export { markAll, markUnderlying } from './marks';
export type { InstrumentMark, MarkInvalidReason } from './marks';
export {
  indexToWire,
  instrumentMarkToWire,
  redemptionToWire,
  settlementToWire,
  toDecimalString,
} from './wire';
export * from './config-files';
