import { MarkV1 } from '@clearing/contracts';
import { InstrumentTerms, rescale, scaledDecimal, unitPriceOfContractValue } from '@clearing/ledger';
import { MarketView } from '@clearing/risk';

type DecimalMark = Pick<Extract<MarkV1, { kind: 'instrument' }>, 'markPrice' | 'indexPrice'>;

/**
 * The decimal mark of each instrument as the oracle published it: the margin engine reads marks as
 * floats (risk inputs), but a liquidation price reaches the ledger, so it starts from the exact decimal.
 */
export class ExactMarks {
  private readonly marks = new Map<string, DecimalMark>();

  apply(marks: readonly MarkV1[]): void {
    for (const mark of marks)
      if (mark.kind === 'instrument')
        this.marks.set(mark.instrument, { markPrice: mark.markPrice, indexPrice: mark.indexPrice });
  }

  /**
   * The mark as a ledger price: per underlying unit, settlement minor units, half-even (a reference
   * price, not an amount owed). marks.v1 gives a contract's value, so it is divided by the contract
   * size (issue 12: sent as it was, the ledger applied the size twice); the index, the fallback while an
   * instrument has no mark yet, is already per unit.
   */
  priceOf(terms: InstrumentTerms): bigint | undefined {
    const mark = this.marks.get(terms.instrument);
    if (mark === undefined) return undefined;
    if (mark.markPrice !== undefined) return unitPriceOfContractValue(mark.markPrice, terms);
    const { minor, scale } = scaledDecimal(mark.indexPrice);
    return rescale(minor, scale, terms.settlementScale, 'half-even');
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
