import { AccountMargin, fractionOf, requirementUsd } from '@clearing/risk';
import { abs, CollateralShare } from '../close/exact-position';

// The two account-wide inputs of the bankruptcy formula, read from the margin figures the margin
// calculator publishes (whole cents, already rounded against the account).

const CENTS_SCALE = 2;

/**
 * TNC: the NLV at mark (no haircut), floored to the cent by accountMargin: the safe side for both sides.
 * In settlement units: USD / `quotePriceUsd` (Drift's quote price; 1 for a USD stablecoin at par), floored.
 */
export function netCollateralOf(margin: AccountMargin, settlementScale: number, quotePriceUsd = 1): bigint {
  if (settlementScale < CENTS_SCALE)
    throw new RangeError(`settlement scale ${settlementScale} is below cents`);
  const minor = BigInt(Math.round(margin.nlvUsd * 100)) * 10n ** BigInt(settlementScale - CENTS_SCALE);
  const quote = fractionOf(quotePriceUsd);
  const scaled = minor * quote.d;
  // Floor division of a signed bigint (/ truncates towards zero).
  return scaled / quote.n - (scaled % quote.n < 0n ? 1n : 0n);
}

/**
 * DMMR / TMMR of closing `closeMinor` of `heldMinor`: the position's standard (isolated) maintenance
 * requirement apportions net collateral, since portfolio margin is not additive per position. An
 * account with no requirement at all apportions by gross notional instead.
 */
export function shareOf(
  margin: AccountMargin,
  instrument: string,
  closeMinor: bigint,
  heldMinor: bigint,
): CollateralShare {
  const positions = margin.exact.standard.positions;
  const held = positions.find((p) => p.instrument === instrument);
  if (held === undefined) throw new Error(`${instrument} is not in the account's margin`);
  const totalMm = cents(positions.reduce((sum, p) => sum + p.mmUsd, 0));
  const [part, total] =
    totalMm > 0n
      ? [cents(held.mmUsd), totalMm]
      : [cents(held.notionalUsd), cents(positions.reduce((sum, p) => sum + p.notionalUsd, 0))];
  return { part: part * abs(closeMinor), total: (total > 0n ? total : 1n) * abs(heldMinor) };
}

/** Whole cents of a risk figure, rounded up as a requirement. */
const cents = (usd: number): bigint => BigInt(Math.round(requirementUsd(usd) * 100));
