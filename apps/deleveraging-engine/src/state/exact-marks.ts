import { MarkV1 } from '@clearing/contracts';
import { rescale, scaledDecimal } from '@clearing/ledger';
import { MarketView } from '@clearing/risk';

/**
 * The decimal mark of each instrument as the oracle published it: the margin engine reads marks as
 * floats (risk inputs), but a liquidation price reaches the ledger, so it starts from the exact decimal.
 */
export class ExactMarks {
  private readonly prices = new Map<string, string>();

  apply(marks: readonly MarkV1[]): void {
    for (const mark of marks)
      if (mark.kind === 'instrument') this.prices.set(mark.instrument, mark.markPrice ?? mark.indexPrice);
  }

  /** The mark at the settlement scale (half-even: a reference price, not an amount owed). */
  priceOf(instrument: string, settlementScale: number): bigint | undefined {
    const decimal = this.prices.get(instrument);
    if (decimal === undefined) return undefined;
    const { minor, scale } = scaledDecimal(decimal);
    return rescale(minor, scale, settlementScale, 'half-even');
  }
}

/**
 * Underlyings on which the account holds something whose oracle mark is invalid: nothing on them is
 * liquidated until the oracle recovers (an unrelated instrument's missing volatility pauses nothing).
 */
export function pausedUnderlyings(market: MarketView, held: Iterable<string>): Set<string> {
  const paused = new Set<string>();
  for (const instrument of held) {
    const mark = market.marks.get(instrument);
    if (mark !== undefined && mark.status !== 'valid') paused.add(mark.underlying);
  }
  return paused;
}
