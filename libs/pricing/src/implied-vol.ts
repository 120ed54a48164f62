import { black76, Black76Input } from './black76';
import { BsmInput } from './bsm';
import { assertFinite, assertOptionType, assertPositive, PricingInputError } from './inputs';

/** An observed Black-76 option price to invert. */
export type ImpliedVolInput = Omit<Black76Input, 'vol'> & { readonly price: number };

/** An observed GBSM option price to invert (see `BsmInput` for carry). */
export type ImpliedVolBsmInput = Omit<BsmInput, 'vol'> & { readonly price: number };

const MAX_ITERATIONS = 200;
/** The bracket's upper end doubles from 1.0 up to this vol; a price needing more is numerically at its cap. */
const MAX_VOL = 1e4;
/** Stop once the vol is pinned to this relative width: far below any quoting precision. */
const VOL_RELATIVE_TOLERANCE = 1e-14;

/**
 * The Black-76 vol that reproduces `price`. Newton steps on vega, kept inside a bracket [lo, hi] that
 * every evaluation narrows (price is increasing in vol); a step leaving the bracket, or a vanishing vega
 * deep out of the money, falls back to bisection, so it converges for every price strictly inside the
 * no-arbitrage bounds. Throws `PricingInputError` (field 'price') for a price outside them.
 */
export function impliedVol(input: ImpliedVolInput): number {
  const { type, forward, strike, years, rate, price } = input;
  assertOptionType(type);
  assertPositive('forward', forward);
  assertPositive('strike', strike);
  assertPositive('years', years);
  assertFinite('rate', rate);
  assertFinite('price', price);
  assertWithinNoArbitrageBounds(input);
  const priceAt = (vol: number) => black76({ type, forward, strike, years, rate, vol });
  let lo = 0;
  let hi = upperBracket(priceAt, price);
  const guess = initialGuess(input);
  let vol = guess < hi ? guess : hi / 2;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { price: model, vega } = priceAt(vol);
    if (model === price) return vol;
    if (model > price) hi = vol;
    else lo = vol;
    const newton = vol - (model - price) / vega;
    const next = vega > 0 && newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
    if (Math.abs(next - vol) <= VOL_RELATIVE_TOLERANCE * vol) return next;
    vol = next;
  }
  return vol;
}

/** GBSM implied vol: the Black-76 one on the forward spot * e^{carry * years}. */
export function impliedVolBsm(input: ImpliedVolBsmInput): number {
  const { spot, carry, years, ...rest } = input;
  assertPositive('spot', spot);
  assertFinite('carry', carry);
  return impliedVol({ ...rest, years, forward: spot * Math.exp(carry * years) });
}

/** Strictly between discounted intrinsic value and the discounted forward (call) or strike (put). */
function assertWithinNoArbitrageBounds(input: ImpliedVolInput): void {
  const { type, forward, strike, years, rate, price } = input;
  const discount = Math.exp(-rate * years);
  const intrinsic = discount * Math.max(0, type === 'call' ? forward - strike : strike - forward);
  const ceiling = discount * (type === 'call' ? forward : strike);
  if (!(price > intrinsic && price < ceiling)) {
    throw new PricingInputError(
      'price',
      `price ${price} is outside the no-arbitrage bounds (${intrinsic}, ${ceiling}) of this ${type}: no implied vol`,
    );
  }
}

function upperBracket(priceAt: (vol: number) => { price: number }, price: number): number {
  let hi = 1;
  while (priceAt(hi).price < price) {
    hi *= 2;
    if (hi > MAX_VOL) {
      throw new PricingInputError(
        'price',
        `price ${price} implies a vol above ${MAX_VOL}: too close to its cap`,
      );
    }
  }
  return hi;
}

/**
 * Larger of Manaster-Koehler's sqrt(2|ln(F/K)|/T) (from where Newton converges monotonically) and the
 * Brenner-Subrahmanyam at-the-money estimate sqrt(2 pi / T) * undiscounted price / F.
 */
function initialGuess({ forward, strike, years, rate, price }: ImpliedVolInput): number {
  const manasterKoehler = Math.sqrt((2 * Math.abs(Math.log(forward / strike))) / years);
  const brenner = Math.sqrt((2 * Math.PI) / years) * ((price * Math.exp(rate * years)) / forward);
  return Math.max(manasterKoehler, brenner, 1e-3);
}
