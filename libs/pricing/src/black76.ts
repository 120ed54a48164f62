import { normCdf, normPdf } from './normal';
import {
  assertFinite,
  assertNonNegative,
  assertOptionType,
  assertPositive,
  Greeks,
  OptionType,
} from './inputs';

/** A European option on a forward (or future) priced with Black (1976). */
export interface Black76Input {
  readonly type: OptionType;
  /** Forward price of the underlying for the option's expiry. */
  readonly forward: number;
  readonly strike: number;
  /** Time to expiry in years (ACT/365 or whatever basis vol and rate are quoted on). */
  readonly years: number;
  /** Continuously compounded discount rate, per year (0.05 = 5%). */
  readonly rate: number;
  /** Annualised Black volatility (0.2 = 20%). */
  readonly vol: number;
}

/**
 * Below this total standard deviation vol * sqrt(years) the option is priced at its discounted intrinsic
 * value: the time value left is under 4e-13 of the forward (double-precision noise for the price), and
 * d1 = ln(F/K) / stdDev would otherwise overflow towards an infinite or NaN gamma.
 */
const MIN_STD_DEV = 1e-12;

/**
 * Black-76 price and Greeks. Delta and gamma are with respect to the forward (delta is discounted:
 * e^{-rT} N(d1) for a call); rho holds the forward fixed, so it is -years * price. Units: see `Greeks`.
 */
export function black76(input: Black76Input): Greeks {
  const { type, forward, strike, years, rate, vol } = input;
  assertOptionType(type);
  assertPositive('forward', forward);
  assertPositive('strike', strike);
  assertNonNegative('years', years);
  assertFinite('rate', rate);
  assertPositive('vol', vol);
  const discount = Math.exp(-rate * years);
  const stdDev = vol * Math.sqrt(years);
  if (stdDev < MIN_STD_DEV) return atExpiryLimit(input, discount);

  const sign = type === 'call' ? 1 : -1;
  const d1 = (Math.log(forward / strike) + 0.5 * stdDev * stdDev) / stdDev;
  const d2 = d1 - stdDev;
  const density = normPdf(d1);
  // N(sign*d) directly rather than 1 - N(d): keeps deep out-of-the-money digits.
  const undiscounted = sign * (forward * normCdf(sign * d1) - strike * normCdf(sign * d2));
  const price = discount * Math.max(0, undiscounted);
  return {
    price,
    delta: sign * discount * normCdf(sign * d1),
    gamma: (discount * density) / (forward * stdDev),
    vega: discount * forward * density * Math.sqrt(years),
    theta: rate * price - (discount * forward * density * vol) / (2 * Math.sqrt(years)),
    rho: -years * price,
  };
}

/**
 * The vol * sqrt(years) -> 0 limit: the discounted intrinsic value and its Greeks. Delta is a step
 * (half of it exactly at the money); gamma and vega, Dirac masses at the strike in the limit, are 0.
 */
function atExpiryLimit(input: Black76Input, discount: number): Greeks {
  const sign = input.type === 'call' ? 1 : -1;
  const moneyness = sign * (input.forward - input.strike);
  const price = discount * Math.max(0, moneyness);
  const inTheMoneyShare = moneyness > 0 ? 1 : moneyness === 0 ? 0.5 : 0;
  return {
    price,
    delta: sign * discount * inTheMoneyShare,
    gamma: 0,
    vega: 0,
    theta: input.rate * price,
    rho: -input.years * price,
  };
}
