import { ValuedInstrument } from './instruments';
import { UnderlyingParams } from './params';

/** ACT/365: the basis vols, rates and carry are quoted on. */
export const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function yearsUntil(expiryMs: number, clockMs: number): number {
  return Math.max(0, (expiryMs - clockMs) / YEAR_MS);
}

/**
 * Price of the instrument's underlying exposure without any market premium: the index for spot and
 * perpetuals, the forward index x e^(carry x years) for dated futures and for options' forwards.
 */
export function fairPrice(
  index: number,
  instrument: ValuedInstrument,
  params: UnderlyingParams,
  clockMs: number,
): number {
  if (instrument.expiryMs === undefined) return index;
  return index * Math.exp(params.carryRatePerYear * yearsUntil(instrument.expiryMs, clockMs));
}
