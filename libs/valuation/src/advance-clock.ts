import { FeedReading, readFeed } from './feed';
import { Evolved } from './evolve';
import { FeedParams } from './params';
import { OracleConfig } from './oracle-config';
import { expiryKey, FeedState, OracleState } from './oracle-state';
import { accumulate, settle, Settlement, TwapWindow } from './settlement';

/**
 * Moves the event-time clock to `toMs`: the index held since the last input is added to the open
 * settlement windows, every feed is read again (a source can go stale with no news from it), and the
 * expiries passed are settled.
 */
export function advanceClock(state: OracleState, toMs: number, config: OracleConfig): Evolved {
  const twaps = Number.isFinite(state.clockMs) ? accumulateTwaps(state, toMs, config) : state.twaps;
  const indexes = rereadAll(state.indexes, toMs, (underlying) => config.paramsOf(underlying).index);
  const redemptions = rereadAll(state.redemptions, toMs, () => config.redemption);
  const settled = settleExpired(state, twaps, toMs, config);
  const settlements = new Map(state.settlements);
  const openTwaps = new Map(twaps);
  for (const settlement of settled) {
    const key = expiryKey(settlement.underlying, settlement.expiryMs);
    settlements.set(key, settlement);
    openTwaps.delete(key);
  }
  return {
    state: { ...state, clockMs: toMs, indexes, redemptions, twaps: openTwaps, settlements },
    settled,
  };
}

function rereadAll<F extends FeedState>(
  feeds: ReadonlyMap<string, F>,
  clockMs: number,
  paramsOf: (key: string) => FeedParams,
): Map<string, F> {
  const reread = new Map<string, F>();
  for (const [key, feed] of feeds) {
    const reading: FeedReading = readFeed(feed.quotes.values(), clockMs, paramsOf(key), feed.confirmed);
    const confirmed = reading.status === 'valid' ? { value: reading.value!, atMs: clockMs } : feed.confirmed;
    reread.set(key, { ...feed, reading, confirmed });
  }
  return reread;
}

function accumulateTwaps(state: OracleState, toMs: number, config: OracleConfig): Map<string, TwapWindow> {
  const twaps = new Map(state.twaps);
  for (const [underlying, feed] of state.indexes) {
    if (feed.reading === undefined) continue;
    const params = config.paramsOf(underlying);
    for (const expiryMs of config.expiriesOf(underlying)) {
      const key = expiryKey(underlying, expiryMs);
      if (state.settlements.has(key) || expiryMs - params.settlementTwapWindowMs >= toMs) continue;
      const window = twaps.get(key) ?? {
        underlying,
        expiryMs,
        windowMs: params.settlementTwapWindowMs,
        weightedSum: 0,
        coveredMs: 0,
      };
      twaps.set(key, accumulate(window, feed.reading, state.clockMs, toMs, params.index.maxAgeMs));
    }
  }
  return twaps;
}

/** Expiries in (previous clock, toMs] of underlyings this state has an index for. */
function settleExpired(
  state: OracleState,
  twaps: ReadonlyMap<string, TwapWindow>,
  toMs: number,
  config: OracleConfig,
): Settlement[] {
  if (!Number.isFinite(state.clockMs)) return [];
  const settled: Settlement[] = [];
  for (const underlying of state.indexes.keys()) {
    for (const expiryMs of config.expiriesOf(underlying)) {
      const key = expiryKey(underlying, expiryMs);
      if (expiryMs <= state.clockMs || expiryMs > toMs || state.settlements.has(key)) continue;
      const windowMs = config.paramsOf(underlying).settlementTwapWindowMs;
      settled.push(
        settle(twaps.get(key) ?? { underlying, expiryMs, windowMs, weightedSum: 0, coveredMs: 0 }),
      );
    }
  }
  return settled;
}
