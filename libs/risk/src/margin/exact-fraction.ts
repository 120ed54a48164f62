// Exact rational arithmetic for requirement fractions (bigint numerator / denominator), so a requirement
// is computed exactly and rounded once, to the cent, against the account. A float such as 0.1768 x 150,000
// comes out as 26,520.000000000004 and ceils to a spurious extra cent; as a fraction it is 26,520 exactly.
// Twenty lines of bigint do not justify a dependency (fraction.js would bring its own number type to
// every caller); the ledger's fixed-point helpers cannot divide exactly (open interest over the cap range).

/**
 * n / d with d > 0, never reduced: a gcd per operation cost more than it saved. Inputs are decimals, so
 * denominators are powers of ten (times a cap range) and `add` keeps the larger one: they stay small.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Fraction = { n: 0n, d: 1n };
export const ONE: Fraction = { n: 1n, d: 1n };

const POW10 = Array.from({ length: 400 }, (_, k) => 10n ** BigInt(k));
/** Rates, tiers, prices and common sizes recur across the accounts of a batch: parse each once. */
const parsed = new Map<number, Fraction>();
const PARSED_LIMIT = 10_000;

/**
 * A float input (a rate, a price, a quantity) read as the decimal it prints as: 0.16 is 16/100, not the
 * binary double nearest to it. Parameters and prices arrive as decimal strings; this is that decimal.
 */
export function fractionOf(value: number): Fraction {
  const known = parsed.get(value);
  if (known !== undefined) return known;
  if (!Number.isFinite(value)) throw new RangeError(`a margin input must be finite, got ${value}`);
  const fraction = Number.isSafeInteger(value) ? { n: BigInt(value), d: 1n } : decimalOf(value);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(value, fraction);
  return fraction;
}

function decimalOf(value: number): Fraction {
  const [mantissa, exponentText] = String(value).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText ?? 0) - fraction.length;
  const digits = BigInt(whole + fraction);
  return exponent >= 0 ? { n: digits * POW10[exponent], d: 1n } : { n: digits, d: POW10[-exponent] };
}

export function add(a: Fraction, b: Fraction): Fraction {
  if (a.d % b.d === 0n) return { n: a.n + b.n * (a.d / b.d), d: a.d };
  if (b.d % a.d === 0n) return { n: b.n + a.n * (b.d / a.d), d: b.d };
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}
export const sub = (a: Fraction, b: Fraction): Fraction => add(a, { n: -b.n, d: b.d });
export const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError('division by zero');
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}

/** Sign of a - b. */
export const compare = (a: Fraction, b: Fraction): number =>
  Number(a.n * b.d - b.n * a.d > 0n) - Number(a.n * b.d < b.n * a.d);
export const max = (a: Fraction, b: Fraction): Fraction => (compare(a, b) >= 0 ? a : b);
export const min = (a: Fraction, b: Fraction): Fraction => (compare(a, b) <= 0 ? a : b);
export const abs = (a: Fraction): Fraction => (a.n < 0n ? { n: -a.n, d: a.d } : a);
export const clamp = (a: Fraction, low: Fraction, high: Fraction): Fraction => min(max(a, low), high);
export const sum = (values: readonly Fraction[]): Fraction => values.reduce(add, ZERO);

const TO_NUMBER_SCALE = 10n ** 20n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * For diagnostics and ratios only: never round a published figure from this. A denominator beyond a
 * double's exact range is divided in bigint first, so an unreduced fraction cannot turn into NaN.
 */
export function toNumber(a: Fraction): number {
  if (a.d <= SAFE && a.n <= SAFE && -a.n <= SAFE) return Number(a.n) / Number(a.d);
  return Number((a.n * TO_NUMBER_SCALE) / a.d) / 1e20;
}

/** A requirement in USD, rounded up to the whole cent: the one rounding, against the account. */
export function requirementCents(usd: Fraction): number {
  const cents = usd.n * 100n;
  const ceiled = cents / usd.d + (cents % usd.d > 0n ? 1n : 0n);
  return Number(ceiled) / 100;
}
