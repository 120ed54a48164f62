import { divRound } from '../rounding';
import { InstrumentTerms, notionalDivisor, notionalExact } from './terms';

/**
 * A net position in one instrument. `cost` is the exact sum of quantity x price x contract size of the
 * open lots (scale: see notionalExact), so the average entry price never rounds; `realizedPnl` is in
 * settlement-asset minor units, as paid.
 */
export interface PositionState {
  readonly quantity: bigint;
  readonly cost: bigint;
  readonly realizedPnl: bigint;
}

export const FLAT: PositionState = Object.freeze({ quantity: 0n, cost: 0n, realizedPnl: 0n });

export interface TradeOutcome {
  readonly position: PositionState;
  /** P&L realized by this trade in settlement minor units, rounded down: against the account. */
  readonly realizedPnl: bigint;
}

/**
 * Applies a signed trade (positive buys) at `price`. Reducing a position realizes P&L on the closed part
 * against its share of the cost; the rest (or a flip's new lots) keeps its own cost. Exact except the
 * final conversion to settlement units, which floors so the clearinghouse never pays a fraction it lacks.
 */
export function applyTrade(
  terms: InstrumentTerms,
  position: PositionState,
  delta: bigint,
  price: bigint,
): TradeOutcome {
  if (delta === 0n) throw new Error('a trade of zero quantity');
  const { quantity, cost } = position;
  if (quantity === 0n || quantity > 0n === delta > 0n) {
    const next = {
      quantity: quantity + delta,
      cost: cost + notionalExact(terms, delta, price),
      realizedPnl: position.realizedPnl,
    };
    return { position: next, realizedPnl: 0n };
  }
  // The part of the position this trade closes (signed like the position); the rest of delta opens anew.
  const closing = abs(delta) <= abs(quantity) ? -delta : quantity;
  // The closed part's cost share; the rounding residue (if any) stays with the lots still open.
  const removedCost = closing === quantity ? cost : (cost * closing) / quantity;
  const pnlExact = notionalExact(terms, closing, price) - removedCost;
  const realizedPnl = divRound(pnlExact, notionalDivisor(terms), 'floor');
  const opened = delta + closing;
  const next = {
    quantity: quantity - closing + opened,
    cost: cost - removedCost + notionalExact(terms, opened, price),
    realizedPnl: position.realizedPnl + realizedPnl,
  };
  return { position: next, realizedPnl };
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
