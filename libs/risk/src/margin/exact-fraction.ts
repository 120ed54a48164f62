// Exact rational arithmetic for requirement fractions (bigint numerator / denominator), so a requirement
// is computed exactly and rounded once, to the cent, against the account. A float such as 0.1768 x 150,000
// comes out as 26,520.000000000004 and ceils to a spurious extra cent; as a fraction it is 26,520 exactly.
// Twenty lines of bigint do not justify a dependency (fraction.js would bring its own number type to
// every caller); the ledger's fixed-point helpers cannot divide exactly (open interest over the cap range).

/** n / d with d > 0, not necessarily reduced (reduced where it keeps numbers small). */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Fraction = { n: 0n, d: 1n };
export const ONE: Fraction = { n: 1n, d: 1n };

/**
 * A float input (a rate, a price, a quantity) read as the decimal it prints as: 0.16 is 16/100, not the
 * binary double nearest to it. Parameters and prices arrive as decimal strings; this is that decimal.
 */
export function fractionOf(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`a margin input must be finite, got ${value}`);
  const [mantissa, exponentText] = String(value).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText ?? 0) - fraction.length;
  const digits = BigInt(whole + fraction);
  return exponent >= 0
    ? { n: digits * 10n ** BigInt(exponent), d: 1n }
    : reduced({ n: digits, d: 10n ** BigInt(-exponent) });
}

export const add = (a: Fraction, b: Fraction): Fraction =>
  reduced({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Fraction, b: Fraction): Fraction => add(a, { n: -b.n, d: b.d });
export const mul = (a: Fraction, b: Fraction): Fraction => reduced({ n: a.n * b.n, d: a.d * b.d });

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError('division by zero');
  return reduced(b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n });
}

/** Sign of a - b. */
export const compare = (a: Fraction, b: Fraction): number =>
  Number(a.n * b.d - b.n * a.d > 0n) - Number(a.n * b.d < b.n * a.d);
export const max = (a: Fraction, b: Fraction): Fraction => (compare(a, b) >= 0 ? a : b);
export const min = (a: Fraction, b: Fraction): Fraction => (compare(a, b) <= 0 ? a : b);
export const abs = (a: Fraction): Fraction => (a.n < 0n ? { n: -a.n, d: a.d } : a);
export const clamp = (a: Fraction, low: Fraction, high: Fraction): Fraction => min(max(a, low), high);
export const sum = (values: readonly Fraction[]): Fraction => values.reduce(add, ZERO);

/** For diagnostics and ratios only: never round a published figure from this. */
export const toNumber = (a: Fraction): number => Number(a.n) / Number(a.d);

/** A requirement in USD, rounded up to the whole cent: the one rounding, against the account. */
export function requirementCents(usd: Fraction): number {
  const cents = usd.n * 100n;
  const ceiled = cents / usd.d + (cents % usd.d > 0n ? 1n : 0n);
  return Number(ceiled) / 100;
}

function reduced(a: Fraction): Fraction {
  const divisor = gcd(a.n < 0n ? -a.n : a.n, a.d);
  return divisor > 1n ? { n: a.n / divisor, d: a.d / divisor } : a;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
