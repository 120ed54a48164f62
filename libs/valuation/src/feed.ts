import { median } from './median';
import { FeedParams } from './params';

/** The latest quote of one source for one feed. */
export interface SourceQuote {
  readonly source: string;
  readonly value: number;
  readonly eventTimeMs: number;
}

/** Why a feed cannot be trusted right now; margin, liquidation and funding pause on it. */
export type InvalidReason = 'no-fresh-source' | 'too-few-sources' | 'unconfirmed-jump';

/** How much to trust a reading: published with every mark so consumers can be more cautious still. */
export interface Confidence {
  /** Fresh, in-band sources the value is the median of. */
  readonly sourcesUsed: number;
  /** Sources ever quoted for this feed. */
  readonly sourcesKnown: number;
  readonly sourcesStale: number;
  readonly sourcesOutlying: number;
  /** (max - min) / median over the sources used: 0 when they agree. */
  readonly dispersion: number;
  /** Age (event time) of the oldest quote used. */
  readonly stalenessMs: number;
}

export interface FeedReading {
  readonly status: 'valid' | 'invalid';
  readonly reason?: InvalidReason;
  /** The value (valid) or the last confirmed one, held (invalid); undefined if never confirmed. */
  readonly value?: number;
  readonly asOfMs: number;
  readonly confidence: Confidence;
}

/** The value last accepted and when: the reference a jump is measured against. */
export interface Confirmed {
  readonly value: number;
  readonly atMs: number;
}

/**
 * Reads a feed at event time `clockMs`: median of fresh quotes, outliers beyond the band dropped and the
 * median retaken, then the jump rule against the last confirmed value. Pure.
 */
export function readFeed(
  quotes: Iterable<SourceQuote>,
  clockMs: number,
  params: FeedParams,
  confirmed: Confirmed | undefined,
): FeedReading {
  const all = [...quotes];
  const fresh = all.filter((q) => clockMs - q.eventTimeMs <= params.maxAgeMs);
  const centre = fresh.length > 0 ? median(fresh.map((q) => q.value)) : NaN;
  const used = fresh.filter((q) => Math.abs(q.value / centre - 1) <= params.deviationBand);
  const confidence = confidenceOf(all.length, fresh.length, used, clockMs);
  const invalid = (reason: InvalidReason): FeedReading => ({
    status: 'invalid',
    reason,
    value: confirmed?.value,
    asOfMs: clockMs,
    confidence,
  });
  if (fresh.length === 0) return invalid('no-fresh-source');
  if (used.length < params.minSources) return invalid('too-few-sources');
  const value = median(used.map((q) => q.value));
  if (isUnconfirmedJump(value, used, clockMs, params, confirmed)) return invalid('unconfirmed-jump');
  return { status: 'valid', value, asOfMs: clockMs, confidence };
}

function isUnconfirmedJump(
  value: number,
  used: readonly SourceQuote[],
  clockMs: number,
  params: FeedParams,
  confirmed: Confirmed | undefined,
): boolean {
  if (confirmed === undefined || clockMs - confirmed.atMs > params.jumpWindowMs) return false;
  const move = value / confirmed.value - 1;
  if (Math.abs(move) <= params.jumpThreshold) return false;
  const confirming = used.filter(
    (q) =>
      Math.sign(q.value / confirmed.value - 1) === Math.sign(move) &&
      Math.abs(q.value / confirmed.value - 1) > params.jumpThreshold,
  );
  return new Set(confirming.map((q) => q.source)).size < params.jumpConfirmations;
}

function confidenceOf(
  known: number,
  fresh: number,
  used: readonly SourceQuote[],
  clockMs: number,
): Confidence {
  const values = used.map((q) => q.value);
  const centre = values.length > 0 ? median(values) : NaN;
  return {
    sourcesUsed: used.length,
    sourcesKnown: known,
    sourcesStale: known - fresh,
    sourcesOutlying: fresh - used.length,
    dispersion: values.length > 0 ? (Math.max(...values) - Math.min(...values)) / centre : 0,
    stalenessMs: used.length > 0 ? clockMs - Math.min(...used.map((q) => q.eventTimeMs)) : 0,
  };
}
