import { ValueTransformer } from 'typeorm';

const INTEGER_TEXT = /^-?\d+$/;

/**
 * NUMERIC / int8 columns holding integer minor units <-> bigint. The pg driver returns both as strings
 * (they do not fit a JS number); converting through Number or parseFloat would silently lose money.
 */
export const bigintColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null ? null : parseIntegerText(value)),
};

/** Parses a Postgres integer text (NUMERIC with scale 0, int8) strictly; anything else is a schema bug. */
export function parseIntegerText(value: string): bigint {
  if (!INTEGER_TEXT.test(value)) throw new Error(`expected an integer from Postgres, got "${value}"`);
  return BigInt(value);
}

/**
 * NUMERIC(p, s) decimal text <-> bigint minor units at a fixed scale, for columns that people read in
 * decimal (balances in USDC, prices). The scale must equal the column's scale so no digit is dropped.
 */
export function scaledDecimalColumn(scale: number): ValueTransformer {
  return {
    to: (value: bigint | null | undefined) =>
      value === null || value === undefined ? value : minorUnitsToDecimalText(value, scale),
    from: (value: string | null) => (value === null ? null : decimalTextToMinorUnits(value, scale)),
  };
}

/**
 * Minor units as NUMERIC text at a column's scale. Not the ledger's formatAmount: database columns carry
 * scales beyond an asset's 18 digits (an exact cost basis is quantity x price x contract size).
 */
export function minorUnitsToDecimalText(minor: bigint, scale: number): string {
  if (scale === 0) return minor.toString();
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

export function decimalTextToMinorUnits(text: string, scale: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`expected a decimal from Postgres, got "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > scale) throw new Error(`"${text}" has more than ${scale} decimal places`);
  const minor = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return sign === '-' ? -minor : minor;
}
