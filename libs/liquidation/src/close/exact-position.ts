import { InstrumentTerms } from '@clearing/ledger';

/** A position as the ledger holds it: every number exact, in the instrument's minor units. */
export interface ExactPosition {
  readonly terms: InstrumentTerms;
  /** Signed position minor units (positionScale): positive long. */
  readonly quantity: bigint;
  /** Oracle mark per underlying unit, settlement minor units (as ledger prices are). */
  readonly markPrice: bigint;
}

/** How much of the account's net collateral a close gives up: part / total (dYdX: DMMR / TMMR). */
export interface CollateralShare {
  readonly part: bigint;
  readonly total: bigint;
}

export const PPM = 1_000_000n;

/** A rate in parts per million, as configuration gives it (integers only: no float reaches money). */
export function ppm(rate: number): bigint {
  if (!Number.isInteger(rate) || rate < 0)
    throw new RangeError(`a ppm rate must be a non-negative integer, got ${rate}`);
  return BigInt(rate);
}

/**
 * Checks that `close` reduces `position` (opposite sign, no larger) and returns the side the account
 * trades: a long closes by selling, a short by buying.
 */
export function closingSide(position: ExactPosition, close: bigint): 'buy' | 'sell' {
  const reduces = close !== 0n && close < 0n !== position.quantity < 0n;
  if (!reduces || abs(close) > abs(position.quantity))
    throw new RangeError(
      `${position.terms.instrument}: close ${close} does not reduce the position ${position.quantity}`,
    );
  return close < 0n ? 'sell' : 'buy';
}

export const abs = (value: bigint): bigint => (value < 0n ? -value : value);
