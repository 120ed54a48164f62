import { black76 } from './black76';
import {
  assertFinite,
  assertNonNegative,
  assertPositive,
  Greeks,
  OptionType,
  PricingInputError,
} from './inputs';

/**
 * A European option in the generalized Black-Scholes-Merton model with cost of carry b (Haug, ch. 1):
 * b = rate for a non-dividend stock (Black-Scholes 1973), b = rate - q with dividend yield q (Merton 1973),
 * b = 0 for an option on a future (Black 1976), b = rate - foreignRate for FX (Garman-Kohlhagen 1983).
 */
export interface BsmInput {
  readonly type: OptionType;
  readonly spot: number;
  readonly strike: number;
  readonly years: number;
  /** Continuously compounded discount rate, per year. */
  readonly rate: number;
  /** Cost of carry b, per year, continuously compounded: forward = spot * e^{b * years}. */
  readonly carry: number;
  readonly vol: number;
}

/**
 * GBSM Greeks. `delta`/`gamma` are with respect to spot; `rho` is dPrice/dRate with spot AND carry held
 * fixed; `carryRho` is dPrice/dCarry. When carry moves one-for-one with the rate (b = r - q, q fixed: a
 * stock, index or FX option), the textbook rho is `rho + carryRho` (Hull's 8.91 in the BSM example).
 */
export interface BsmGreeks extends Greeks {
  readonly carryRho: number;
}

/**
 * GBSM price and Greeks. GBSM with spot S and carry b is exactly Black-76 on the forward F = S e^{bT}, so
 * this maps onto `black76` and converts its forward Greeks to spot by the chain rule (dF/dS = e^{bT},
 * dF/dT = bF, dF/db = TF) instead of keeping a second copy of the formulas.
 */
export function bsm(input: BsmInput): BsmGreeks {
  const { type, spot, strike, years, rate, carry, vol } = input;
  assertPositive('spot', spot);
  assertNonNegative('years', years);
  assertFinite('carry', carry);
  const growth = Math.exp(carry * years);
  const forward = spot * growth;
  if (!Number.isFinite(forward) || forward <= 0) {
    throw new PricingInputError('carry', `spot * exp(carry * years) is not a usable forward (${forward})`);
  }
  const onForward = black76({ type, forward, strike, years, rate, vol });
  return {
    price: onForward.price,
    delta: onForward.delta * growth,
    gamma: onForward.gamma * growth * growth,
    vega: onForward.vega,
    theta: onForward.theta - onForward.delta * carry * forward,
    rho: onForward.rho,
    carryRho: onForward.delta * years * forward,
  };
}
