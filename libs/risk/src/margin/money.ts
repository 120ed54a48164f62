// The one door between exact ledger amounts and risk floats, and the one place figures are rounded.
// Every published figure is a USD number rounded to whole cents AGAINST the account: requirements up,
// values the account may use down (DESIGN.md section 3).

const CENTS_PER_USD = 100;

/**
 * Minor units at `scale` as a float, converted once. Whole and fraction are split so an 18-decimal wei
 * balance loses no more than a float's own precision (Number(minor) alone would round the integer first).
 */
export function unitsOf(minor: bigint, scale: number): number {
  const divisor = 10n ** BigInt(scale);
  return Number(minor / divisor) + Number(minor % divisor) / Number(divisor);
}

/** A requirement (IM, MM, a charge) in USD, rounded up to the cent: never below the exact figure. */
export function requirementUsd(exactUsd: number): number {
  assertFinite(exactUsd);
  const cents = Math.ceil(exactUsd * CENTS_PER_USD) / CENTS_PER_USD;
  // x * 100 can itself round down by one ulp: correct so the result is never in the account's favour.
  return cents < exactUsd ? cents + 1 / CENTS_PER_USD : cents;
}

/** A value credited to the account (collateral, NLV, free collateral) in USD, rounded down to the cent. */
export function creditUsd(exactUsd: number): number {
  assertFinite(exactUsd);
  const cents = Math.floor(exactUsd * CENTS_PER_USD) / CENTS_PER_USD;
  return cents > exactUsd ? cents - 1 / CENTS_PER_USD : cents;
}

function assertFinite(usd: number): void {
  if (!Number.isFinite(usd)) throw new RangeError(`a margin figure must be finite, got ${usd}`);
}

/** a - b of two figures already in whole cents, exact (float subtraction of cents can leave 0.999...). */
export function centsDifference(aUsd: number, bUsd: number): number {
  return (Math.round(aUsd * CENTS_PER_USD) - Math.round(bUsd * CENTS_PER_USD)) / CENTS_PER_USD;
}
