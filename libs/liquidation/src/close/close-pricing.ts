import { divRound, notionalDivisor, notionalExact } from '@clearing/ledger';
import { BankruptcyInput, bankruptcyPrice } from './bankruptcy';
import { abs, closingSide, PPM } from './exact-position';

/** How one close is priced: all settlement minor units (prices per underlying unit). */
export interface ClosePricing {
  readonly side: 'buy' | 'sell';
  /** Position minor units, positive. */
  readonly quantity: bigint;
  readonly bankruptcyPrice: bigint;
  readonly liquidationPrice: bigint;
  /** To the insurance fund: min(schedule x notional, equity above bankruptcy at the liquidation price). */
  readonly fee: bigint;
  /** What closing at the liquidation price instead of the mark costs the account. */
  readonly slippage: bigint;
}

export interface ClosePricingParams {
  /** How far from the mark toward the bankruptcy price the close is priced, ppm (0: at mark). */
  readonly towardBankruptcyPpm: bigint;
  /** Liquidation fee schedule, ppm of notional at the liquidation price. */
  readonly feePpm: bigint;
}

/**
 * mark + fraction x (bankruptcy - mark), rounded toward the bankruptcy price (against the account),
 * which it can never pass since the bankruptcy price is itself a whole minor unit. An account already
 * past bankruptcy at the mark (a long whose bankruptcy price is above it) closes at the mark: the CCP
 * never pays more than the market, and the deficit goes down the waterfall.
 */
export function liquidationPrice(
  side: 'buy' | 'sell',
  markPrice: bigint,
  bankruptcy: bigint,
  towardBankruptcyPpm: bigint,
): bigint {
  if (towardBankruptcyPpm < 0n || towardBankruptcyPpm > PPM)
    throw new RangeError(`towardBankruptcyPpm must be within [0, ${PPM}], got ${towardBankruptcyPpm}`);
  const cushion = side === 'sell' ? markPrice - bankruptcy : bankruptcy - markPrice;
  if (cushion <= 0n) return markPrice;
  const move = divRound(cushion * towardBankruptcyPpm, PPM, 'ceil');
  return side === 'sell' ? markPrice - move : markPrice + move;
}

/**
 * min(schedule x notional, equity above bankruptcy at the liquidation price): the fee alone never
 * makes the account bankrupt (Drift's reasoning on static fees, velocity-exchange discussion 600). The
 * schedule rounds up (owed), the equity down (credited), so the cap is never exceeded.
 */
export function liquidationFee(
  input: { terms: BankruptcyInput['position']['terms']; quantity: bigint; price: bigint; bankruptcy: bigint },
  side: 'buy' | 'sell',
  feePpm: bigint,
): bigint {
  const { terms, quantity, price, bankruptcy } = input;
  const divisor = notionalDivisor(terms);
  const scheduled = divRound(notionalExact(terms, quantity, price) * feePpm, divisor * PPM, 'ceil');
  const above = side === 'sell' ? price - bankruptcy : bankruptcy - price;
  if (above <= 0n) return 0n;
  const equityAbove = divRound(notionalExact(terms, quantity, above), divisor, 'floor');
  return scheduled < equityAbove ? scheduled : equityAbove;
}

/** Bankruptcy price, liquidation price, fee and slippage of one close. */
export function priceClose(input: BankruptcyInput, params: ClosePricingParams): ClosePricing {
  const { position, close } = input;
  const side = closingSide(position, close);
  const quantity = abs(close);
  const bankruptcy = bankruptcyPrice(input);
  const price = liquidationPrice(side, position.markPrice, bankruptcy, params.towardBankruptcyPpm);
  const fee = liquidationFee({ terms: position.terms, quantity, price, bankruptcy }, side, params.feePpm);
  const slippage = divRound(
    notionalExact(position.terms, quantity, abs(position.markPrice - price)),
    notionalDivisor(position.terms),
    'ceil',
  );
  return { side, quantity, bankruptcyPrice: bankruptcy, liquidationPrice: price, fee, slippage };
}
