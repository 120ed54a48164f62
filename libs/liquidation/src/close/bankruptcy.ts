import { divRound, notionalDivisor, notionalExact } from '@clearing/ledger';
import { closingSide, CollateralShare, ExactPosition } from './exact-position';

// dYdX v4 (x/clob keeper, GetBankruptcyPriceInQuoteQuantums): closing a delta of a position at its
// bankruptcy price gives up exactly that position's share of the account's total net collateral,
// the share being its part of the maintenance requirement:
//   bankruptcy quote = -DNNV - TNC x |DMMR| / TMMR
// DNNV = the change of the position's net notional value at mark (close x mark x contract size), TNC =
// total net collateral (NLV at mark, no haircut), DMMR / TMMR = the closed part's maintenance
// requirement over the account's. The quote is what the account receives (negative: pays), rounded
// toward +infinity so that closing at the rounded quote never needs the insurance fund.

export interface BankruptcyInput {
  readonly position: ExactPosition;
  /** Signed position minor units of the close (a long closes with a negative delta). */
  readonly close: bigint;
  /** The account's NLV at mark, settlement minor units (round it down: the safe side for both sides). */
  readonly netCollateral: bigint;
  /** The closed quantity's part of the maintenance requirement. */
  readonly share: CollateralShare;
}

/** Settlement minor units the account must at least receive (negative: may at most pay) for the close. */
export function bankruptcyQuote(input: BankruptcyInput): bigint {
  const { numerator, share } = exactQuote(input);
  return divRound(numerator, notionalDivisor(input.position.terms) * share.total, 'ceil');
}

/**
 * The bankruptcy quote per underlying unit, at settlement scale, rounded toward safety: up for a long
 * (it must sell at no less), down for a short (it must buy at no more). Never below zero: nothing
 * trades at a negative price, and zero is the safer side for the long that would be solvent anywhere.
 */
export function bankruptcyPrice(input: BankruptcyInput): bigint {
  const side = closingSide(input.position, input.close);
  const { numerator, share } = exactQuote(input);
  // The account receives -close x price x size: price = quote / (-close x size), the divisor cancels.
  const perUnit = divRound(
    numerator,
    share.total * -input.close * input.position.terms.contractSize.minor,
    side === 'sell' ? 'ceil' : 'floor',
  );
  return perUnit < 0n ? 0n : perUnit;
}

/** -DNNV - TNC x part / total over the common denominator (divisor x total), unrounded. */
function exactQuote(input: BankruptcyInput): { numerator: bigint; share: CollateralShare } {
  const { position, close, netCollateral, share } = input;
  closingSide(position, close);
  assertShare(share);
  const dnnv = notionalExact(position.terms, close, position.markPrice);
  const numerator = -dnnv * share.total - netCollateral * share.part * notionalDivisor(position.terms);
  return { numerator, share };
}

function assertShare(share: CollateralShare): void {
  if (share.total <= 0n || share.part < 0n || share.part > share.total)
    throw new RangeError(
      `a collateral share needs 0 <= part <= total, total > 0: ${share.part}/${share.total}`,
    );
}
