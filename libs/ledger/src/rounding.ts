// Explicit rounding for derived amounts. Requirements round AGAINST the account (DESIGN.md section 3):
// margin requirements up (ceil), collateral values and payouts to the account down (floor).

export type RoundingMode = 'floor' | 'ceil' | 'half-even' | 'toward-zero' | 'away-from-zero';

/** The direction that never favours the account, by what the derived amount is. */
export const AGAINST_ACCOUNT = {
  /** Something the account must have or pay (IM, MM, fees owed): round up. */
  requirement: 'ceil',
  /** Something the account is credited or may use (collateral value, payouts): round down. */
  credit: 'floor',
} as const satisfies Record<string, RoundingMode>;

/** `numerator / denominator` rounded with `mode`. Throws on a zero denominator. */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) {
    throw new RangeError('division by zero');
  }
  const quotient = numerator / denominator; // bigint division truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) {
    return quotient;
  }
  const negative = numerator < 0n !== denominator < 0n;
  const awayFromZero = negative ? quotient - 1n : quotient + 1n;
  switch (mode) {
    case 'toward-zero':
      return quotient;
    case 'away-from-zero':
      return awayFromZero;
    case 'floor':
      return negative ? awayFromZero : quotient;
    case 'ceil':
      return negative ? quotient : awayFromZero;
    case 'half-even':
      return roundHalfEven(quotient, awayFromZero, remainder, denominator);
  }
}

function roundHalfEven(
  quotient: bigint,
  awayFromZero: bigint,
  remainder: bigint,
  denominator: bigint,
): bigint {
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  const absDenominator = denominator < 0n ? -denominator : denominator;
  if (twiceRemainder !== absDenominator) {
    return twiceRemainder > absDenominator ? awayFromZero : quotient;
  }
  return quotient % 2n === 0n ? quotient : awayFromZero;
}

/** `a * b / c` with a single rounding step at the end (no intermediate precision loss). */
export function mulDivRound(a: bigint, b: bigint, c: bigint, mode: RoundingMode): bigint {
  return divRound(a * b, c, mode);
}

/** Converts minor units from one scale to another; going to a coarser scale rounds with `mode`. */
export function rescale(minor: bigint, fromScale: number, toScale: number, mode: RoundingMode): bigint {
  if (toScale >= fromScale) {
    return minor * 10n ** BigInt(toScale - fromScale);
  }
  return divRound(minor, 10n ** BigInt(fromScale - toScale), mode);
}
