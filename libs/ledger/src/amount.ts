// Exact fixed-point amounts: a bigint count of minor units at a fixed decimal scale.
// Decimal strings are the only textual form (wire, config, CLI); a JS number never holds money.

/** Largest scale any asset may use: ETH wei (18) is the finest unit we need to represent exactly. */
export const MAX_SCALE = 18;

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

export class AmountFormatError extends Error {
  override readonly name = 'AmountFormatError';
}

export function assertValidScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be an integer in [0, ${MAX_SCALE}], got ${scale}`);
  }
}

/**
 * Parses a decimal string into minor units at `scale`.
 * Strict: `-?\d+(\.\d+)?`, no exponent, no sign `+`, no whitespace, and never more fraction digits
 * than the scale allows: extra digits are an error, never silently rounded (rounding is a decision the
 * caller must make explicitly with the rounding helpers).
 */
export function parseAmount(decimal: string, scale: number): bigint {
  assertValidScale(scale);
  const match = DECIMAL_PATTERN.exec(decimal);
  if (match === null) {
    throw new AmountFormatError(`not a decimal amount: ${JSON.stringify(decimal)}`);
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) {
    throw new AmountFormatError(
      `${JSON.stringify(decimal)} has ${fraction.length} fraction digits, more than the scale ${scale} allows`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -minor : minor;
}

/**
 * Canonical decimal string of `minor` units at `scale`: no trailing fraction zeros, no trailing dot,
 * `0` for zero, a leading `-` only for negative values. `parseAmount(formatAmount(x, s), s) === x`.
 */
export function formatAmount(minor: bigint, scale: number): string {
  assertValidScale(scale);
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const sign = minor < 0n ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}
