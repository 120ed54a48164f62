import { Observation } from './observation';
import { OracleConfig } from './oracle-config';
import { OracleState } from './oracle-state';

/** Why one input was not taken into the state; each code is counted. */
export type RejectionCode =
  | 'non-finite'
  | 'non-positive'
  | 'out-of-range'
  | 'future'
  | 'unknown-underlying'
  | 'stale'
  | 'out-of-order'
  | 'expired'
  | 'delta-out-of-range'
  | 'unknown-instrument'
  | 'no-index';

export interface Rejection {
  readonly code: RejectionCode;
  readonly reason: string;
}

const reject = (code: RejectionCode, reason: string): Rejection => ({ code, reason });

/**
 * Prices, rates, strikes and vols the oracle takes, in their own units. Outside this range a mark cannot be
 * published exactly (8 fraction digits on the wire; below 10^21 for a plain decimal form), and no asset
 * trades there: a value beyond it is a feed fault, refused rather than crashing the fold's output.
 */
export const OBSERVED_VALUE_RANGE = Object.freeze({ min: 1e-6, max: 1e12 });

/** The checks every observation must pass before it can change the state; undefined = admitted. */
export function admit(state: OracleState, obs: Observation, config: OracleConfig): Rejection | undefined {
  const numbers = valuesOf(obs);
  if (!Number.isFinite(obs.eventTimeMs) || numbers.some((n) => !Number.isFinite(n))) {
    return reject('non-finite', `${obs.kind} from ${obs.source} has a non-finite value or time`);
  }
  if (numbers.some((n) => n <= 0)) return reject('non-positive', `${obs.kind} from ${obs.source} is <= 0`);
  return admitShape(obs, config) ?? admitTime(state, obs, config);
}

/** What no state can make acceptable: values out of range, a time ahead of arrival, an unknown underlying. */
function admitShape(obs: Observation, config: OracleConfig): Rejection | undefined {
  const { min, max } = OBSERVED_VALUE_RANGE;
  if (magnitudesOf(obs).some((n) => n < min || n > max)) {
    return reject('out-of-range', `${obs.kind} from ${obs.source} has a value outside [${min}, ${max}]`);
  }
  const aheadMs = obs.eventTimeMs - obs.receivedAtMs;
  if (aheadMs > config.maxFutureSkewMs) {
    return reject('future', `${obs.kind} from ${obs.source} is dated ${aheadMs} ms after it arrived`);
  }
  const underlying = obs.kind === 'index-quote' || obs.kind === 'implied-vol' ? obs.underlying : undefined;
  if (underlying !== undefined && !config.isKnownUnderlying(underlying)) {
    return reject('unknown-underlying', `no instrument is on ${underlying} and none is configured`);
  }
  return undefined;
}

function admitTime(state: OracleState, obs: Observation, config: OracleConfig): Rejection | undefined {
  const maxAgeMs = maxAgeOf(obs, config);
  if (obs.eventTimeMs < state.clockMs - maxAgeMs) {
    return reject('stale', `${obs.kind} from ${obs.source} is ${state.clockMs - obs.eventTimeMs} ms old`);
  }
  if (obs.kind === 'implied-vol') return admitVol(obs);
  if (obs.kind === 'market-price') return admitMarket(state, obs, config);
  const feed =
    obs.kind === 'index-quote' ? state.indexes.get(obs.underlying) : state.redemptions.get(obs.token);
  const previous = feed?.quotes.get(obs.source);
  if (previous !== undefined && obs.eventTimeMs < previous.eventTimeMs) {
    return reject('out-of-order', `${obs.source} already quoted at ${previous.eventTimeMs}`);
  }
  return undefined;
}

/** The values with a unit (price, rate, strike, vol): what OBSERVED_VALUE_RANGE bounds. */
function magnitudesOf(obs: Observation): number[] {
  return obs.kind === 'implied-vol'
    ? [obs.iv, ...(obs.strike !== undefined ? [obs.strike] : [])]
    : valuesOf(obs);
}

function valuesOf(obs: Observation): number[] {
  switch (obs.kind) {
    case 'index-quote':
    case 'market-price':
      return [obs.price];
    case 'redemption-rate':
      return [obs.rate];
    case 'implied-vol':
      // delta may be negative (a put delta); it is range-checked separately.
      return [obs.iv, obs.expiryMs, ...(obs.strike !== undefined ? [obs.strike] : [])];
  }
}

function maxAgeOf(obs: Observation, config: OracleConfig): number {
  switch (obs.kind) {
    case 'index-quote':
      return config.paramsOf(obs.underlying).index.maxAgeMs;
    case 'redemption-rate':
      return config.redemption.maxAgeMs;
    case 'implied-vol':
      return config.paramsOf(obs.underlying).volMaxAgeMs;
    case 'market-price':
      return config.paramsOf(config.instrument(obs.instrument)?.underlying ?? '').premiumMaxAgeMs;
  }
}

function admitVol(obs: Extract<Observation, { kind: 'implied-vol' }>): Rejection | undefined {
  if (obs.expiryMs <= obs.eventTimeMs) return reject('expired', `vol point expired at ${obs.expiryMs}`);
  if (obs.delta !== undefined && !(Math.abs(obs.delta) > 0 && Math.abs(obs.delta) < 1)) {
    return reject('delta-out-of-range', `delta ${obs.delta} locates no finite strike`);
  }
  return undefined;
}

function admitMarket(
  state: OracleState,
  obs: Extract<Observation, { kind: 'market-price' }>,
  config: OracleConfig,
): Rejection | undefined {
  const instrument = config.instrument(obs.instrument);
  if (instrument === undefined || instrument.kind === 'option' || instrument.kind === 'spot') {
    return reject('unknown-instrument', `${obs.instrument} is not a configured perpetual or future`);
  }
  if (state.indexes.get(instrument.underlying)?.reading?.status !== 'valid') {
    return reject('no-index', `no valid ${instrument.underlying} index to measure a premium against`);
  }
  return undefined;
}
