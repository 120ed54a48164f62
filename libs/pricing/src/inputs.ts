/** Shared input types, result shape and validation for the option models. */

export type OptionType = 'call' | 'put';

/**
 * Price and first-order sensitivities (plus gamma) of one option, all in natural units:
 * - delta: dPrice/dUnderlying (forward for Black-76, spot for GBSM), per 1.00 of the underlying
 * - gamma: d2Price/dUnderlying2, per 1.00 of the underlying, squared
 * - vega:  dPrice/dVol, per 1.00 (100 percentage points) of annualised vol; divide by 100 for "per vol point"
 * - theta: dPrice/dt as calendar time passes (= -dPrice/dYears), per year; divide by 365 for "per day"
 * - rho:   dPrice/dRate, per 1.00 (100 percentage points) of the continuously compounded rate,
 *          every other input held fixed (the forward for Black-76, spot and carry for GBSM)
 */
export interface Greeks {
  readonly price: number;
  readonly delta: number;
  readonly gamma: number;
  readonly vega: number;
  readonly theta: number;
  readonly rho: number;
}

/** Thrown for an input a model cannot price; `field` names the offending input (e.g. 'vol'). */
export class PricingInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PricingInputError';
  }
}

export function assertOptionType(type: unknown): asserts type is OptionType {
  if (type !== 'call' && type !== 'put') {
    throw new PricingInputError('type', `type must be 'call' or 'put', got ${String(type)}`);
  }
}

export function assertPositive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new PricingInputError(field, `${field} must be a finite number > 0, got ${value}`);
  }
}

export function assertNonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new PricingInputError(field, `${field} must be a finite number >= 0, got ${value}`);
  }
}

export function assertFinite(field: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new PricingInputError(field, `${field} must be a finite number, got ${value}`);
  }
}
