import { unitsOf } from '@clearing/risk';
import { bankruptcyPrice, InstrumentCandidate, netCollateralOf, shareOf } from '@clearing/liquidation';
import { AccountSnapshot } from './account-snapshot';

/**
 * The account's positions as ADL candidates (BitMEX ranking inputs: values at the mark, the average
 * entry and the position's own bankruptcy price). Risk floats: they order accounts; the close itself is
 * priced exactly at the bankrupt account's bankruptcy price.
 */
export function adlCandidatesOf(
  snapshot: AccountSnapshot,
  markOf: (instrument: string) => number | undefined,
): InstrumentCandidate[] {
  const candidates: InstrumentCandidate[] = [];
  for (const [instrument, { exact }] of snapshot.holdings) {
    const { terms } = exact;
    const close = -exact.quantity;
    const bankrupt = bankruptcyPrice({
      position: exact,
      close,
      netCollateral: netCollateralOf(snapshot.margin, terms.settlementScale),
      share: shareOf(snapshot.margin, instrument, close, exact.quantity),
    });
    const units =
      unitsOf(exact.quantity, terms.positionScale) *
      unitsOf(terms.contractSize.minor, terms.contractSize.scale);
    const valueAt = (price: bigint) => units * unitsOf(price, terms.settlementScale);
    const position = snapshot.portfolio.positions.find((p) => p.instrument === instrument);
    candidates.push({
      account: snapshot.account,
      instrument,
      positionScale: terms.positionScale,
      markPriceUsd: markOf(instrument) ?? 0,
      quantity: exact.quantity,
      markValueUsd: valueAt(exact.markPrice),
      entryValueUsd: position?.costUsd ?? valueAt(exact.markPrice),
      bankruptValueUsd: valueAt(bankrupt),
    });
  }
  return candidates;
}

/** What the CCP would lose if the account defaulted under stress: its portfolio IM beyond its NLV. */
export function stressLossUsdOf(snapshot: AccountSnapshot): number {
  return Math.max(0, snapshot.margin.portfolio.imUsd - snapshot.margin.nlvUsd);
}
