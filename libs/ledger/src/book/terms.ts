import { parseAmount } from '../amount';

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
