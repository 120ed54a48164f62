import { unitsOf } from '@clearing/risk';
import {
  AdlCandidate,
  bankruptcyPrice,
  netCollateralOf,
  RankedCandidate,
  rankForAdl,
  shareOf,
} from '@clearing/liquidation';
import { AccountSnapshot } from './account-snapshot';

export type PositionSide = 'long' | 'short';

/**
 * The ADL queue of one instrument and side among these accounts, ranked now (BitMEX: PNL% x effective
 * leverage; re-ranked at every use, so it follows the book as it is at execution time). The values are
 * risk floats: they order accounts; the close itself is priced exactly at the bankruptcy price.
 */
export function adlQueue(
  snapshots: readonly AccountSnapshot[],
  instrument: string,
  side: PositionSide,
): RankedCandidate[] {
  const candidates: AdlCandidate[] = [];
  for (const snapshot of snapshots) {
    const holding = snapshot.holdings.get(instrument);
    if (holding === undefined || holding.exact.quantity > 0n !== (side === 'long')) continue;
    const { exact } = holding;
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
      quantity: exact.quantity,
      markValueUsd: valueAt(exact.markPrice),
      entryValueUsd: position?.costUsd ?? valueAt(exact.markPrice),
      bankruptValueUsd: valueAt(bankrupt),
    });
  }
  return rankForAdl(candidates);
}
