import { FeedReading } from './feed';

/** The running time-weighted sum of the index inside one expiry's settlement window. */
export interface TwapWindow {
  readonly underlying: string;
  readonly expiryMs: number;
  readonly windowMs: number;
  /** Sum of index x milliseconds over the covered part of the window. */
  readonly weightedSum: number;
  /** Milliseconds of the window with a valid index. */
  readonly coveredMs: number;
}

/** Expiry settlement price of an underlying: published once, used by the aggregator to cash-settle. */
export interface Settlement {
  readonly underlying: string;
  readonly expiryMs: number;
  /** 'invalid' when no valid index was seen in the window: settling needs a person. */
  readonly status: 'valid' | 'invalid';
  /** TWAP of the index over the covered part of the window (USD). */
  readonly price?: number;
  /** Fraction of the window with a valid index, in [0, 1]. */
  readonly coverage: number;
  readonly windowMs: number;
}

/**
 * Adds the index held from `fromMs` to `toMs` to the window of `expiryMs`. The reading taken at `fromMs`
 * is a step function until the next input, but only while its quotes can still be fresh (`maxAgeMs`).
 */
export function accumulate(
  window: TwapWindow,
  reading: FeedReading,
  fromMs: number,
  toMs: number,
  maxAgeMs: number,
): TwapWindow {
  if (reading.status !== 'valid' || reading.value === undefined) return window;
  const start = Math.max(fromMs, window.expiryMs - window.windowMs);
  const end = Math.min(toMs, fromMs + maxAgeMs, window.expiryMs);
  if (end <= start) return window;
  return {
    ...window,
    weightedSum: window.weightedSum + reading.value * (end - start),
    coveredMs: window.coveredMs + (end - start),
  };
}

export function settle(window: TwapWindow): Settlement {
  const base = {
    underlying: window.underlying,
    expiryMs: window.expiryMs,
    coverage: window.coveredMs / window.windowMs,
    windowMs: window.windowMs,
  };
  return window.coveredMs > 0
    ? { ...base, status: 'valid', price: window.weightedSum / window.coveredMs }
    : { ...base, status: 'invalid' };
}
