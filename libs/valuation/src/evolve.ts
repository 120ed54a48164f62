import { admit, Rejection } from './admission';
import { fairPrice } from './fair-price';
import { Observation } from './observation';
import { OracleConfig } from './oracle-config';
import { EMPTY_ORACLE_STATE, FeedState, OracleState, withEntry } from './oracle-state';
import { advanceClock } from './advance-clock';
import { Settlement } from './settlement';

export interface Evolved {
  readonly state: OracleState;
  /** Set when the observation was refused; the state is then unchanged. */
  readonly rejection?: Rejection;
  /** Expiries this observation's event time moved past, with their settlement prices. */
  readonly settled: readonly Settlement[];
}

/**
 * The oracle's fold: one observation into the state. Pure and deterministic: time comes only from the
 * observations' event times, so replaying the same inputs in order reproduces every reading and mark.
 */
export function evolve(state: OracleState, obs: Observation, config: OracleConfig): Evolved {
  const rejection = admit(state, obs, config);
  if (rejection !== undefined) return { state, rejection, settled: [] };
  return advanceClock(record(state, obs, config), Math.max(state.clockMs, obs.eventTimeMs), config);
}

/** Folds a whole sequence; what a replay or a test calls. */
export function replay(observations: Iterable<Observation>, config: OracleConfig, from = EMPTY_ORACLE_STATE) {
  let state = from;
  for (const obs of observations) state = evolve(state, obs, config).state;
  return state;
}

function record(state: OracleState, obs: Observation, config: OracleConfig): OracleState {
  switch (obs.kind) {
    case 'index-quote': {
      const feed = withQuote(state.indexes.get(obs.underlying), obs.source, obs.price, obs.eventTimeMs);
      return { ...state, indexes: withEntry(state.indexes, obs.underlying, feed) };
    }
    case 'redemption-rate': {
      const feed = withQuote(state.redemptions.get(obs.token), obs.source, obs.rate, obs.eventTimeMs);
      return { ...state, redemptions: withEntry(state.redemptions, obs.token, { ...feed, base: obs.base }) };
    }
    case 'implied-vol': {
      const point = obs.strike !== undefined ? `K${obs.strike}` : `D${obs.delta}`;
      const { kind: _kind, underlying, ...quote } = obs;
      const points = withEntry(state.vols.get(underlying) ?? new Map(), `${obs.expiryMs}:${point}`, quote);
      return { ...state, vols: withEntry(state.vols, underlying, points) };
    }
    case 'market-price':
      return {
        ...state,
        premiums: withEntry(state.premiums, obs.instrument, premiumAfter(state, obs, config)),
      };
  }
}

function withQuote(
  feed: FeedState | undefined,
  source: string,
  value: number,
  eventTimeMs: number,
): FeedState {
  // The reading is retaken right after recording, when the clock advances.
  return { ...feed, quotes: withEntry(feed?.quotes ?? new Map(), source, { source, value, eventTimeMs }) };
}

/** Exponential average of the premium over fair, weighted by the event time since the last sample. */
function premiumAfter(
  state: OracleState,
  obs: Extract<Observation, { kind: 'market-price' }>,
  config: OracleConfig,
) {
  const instrument = config.instrument(obs.instrument)!;
  const params = config.paramsOf(instrument.underlying);
  const index = state.indexes.get(instrument.underlying)!.reading!.value!;
  const sample = obs.price - fairPrice(index, instrument, params, obs.eventTimeMs);
  const previous = state.premiums.get(obs.instrument);
  if (previous === undefined) return { premium: sample, lastMs: obs.eventTimeMs };
  const elapsedMs = Math.max(0, obs.eventTimeMs - previous.lastMs);
  const weight = 1 - Math.pow(2, -elapsedMs / params.premiumHalfLifeMs);
  return {
    premium: previous.premium + weight * (sample - previous.premium),
    lastMs: Math.max(previous.lastMs, obs.eventTimeMs),
  };
}
