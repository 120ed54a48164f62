import { parseAmount } from '../amount';
import { divRound } from '../rounding';

export type InstrumentKind = 'spot' | 'perpetual' | 'future' | 'option';

/** A decimal as an exact integer and its scale (contract size 0.001 = { minor: 1n, scale: 3 }). */
export interface ScaledDecimal {
  readonly minor: bigint;
  readonly scale: number;
}

/** What a trade books against, with every number exact. Built from the leg command's terms snapshot. */
export interface InstrumentTerms {
  readonly instrument: string;
  readonly kind: InstrumentKind;
  readonly baseAsset?: string;
  readonly settlementAsset: string;
  readonly settlementScale: number;
  readonly positionScale: number;
  readonly contractSize: ScaledDecimal;
  readonly expiry?: string;
  /** Options: strike in settlement-asset minor units. */
  readonly strike?: bigint;
  readonly optionType?: 'call' | 'put';
}

/** Parses a non-negative decimal string keeping all its digits (no scale is imposed). */
export function scaledDecimal(decimal: string): ScaledDecimal {
  const scale = decimal.includes('.') ? decimal.length - decimal.indexOf('.') - 1 : 0;
  return { minor: parseAmount(decimal, scale), scale };
}

export const pow10 = (exponent: number): bigint => 10n ** BigInt(exponent);

// Price convention (docs/contracts.md, "Prices"): every price that moves money (fills, FillLeg,
// LiquidationTransfer, AutoDeleverage, settlement prices, strikes) is in the settlement asset PER
// UNDERLYING UNIT, for every instrument kind; a trade's value is quantity x contract size x price. Only a
// mark (marks.v1 `markPrice`) is the value of one contract, because margin multiplies it by quantity.
// `unitPriceOfContractValue` is the one conversion between the two.

/**
 * The price per underlying unit of a contract worth `perContract` (a decimal, e.g. marks.v1 markPrice),
 * in settlement minor units: perContract / contract size, half-even (a reference price, not an amount
 * owed). Exact whenever the mark is a whole settlement minor unit per underlying unit times the size.
 */
export function unitPriceOfContractValue(perContract: string, terms: InstrumentTerms): bigint {
  const value = scaledDecimal(perContract);
  const { contractSize } = terms;
  return divRound(
    value.minor * pow10(contractSize.scale + terms.settlementScale),
    pow10(value.scale) * contractSize.minor,
    'half-even',
  );
}

/**
 * quantity (position minor units) x price (settlement minor units) x contract size, at the combined
 * scale positionScale + settlementScale + contractSize.scale: exact, no rounding yet.
 */
export function notionalExact(terms: InstrumentTerms, quantity: bigint, price: bigint): bigint {
  return quantity * price * terms.contractSize.minor;
}

/** The divisor that brings `notionalExact` down to settlement-asset minor units. */
export function notionalDivisor(terms: InstrumentTerms): bigint {
  return pow10(terms.positionScale + terms.contractSize.scale);
}
