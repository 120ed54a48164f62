import { FundingParams } from './params';

export interface Funding {
  /** Paid by longs to shorts per period when positive, as a fraction of notional at the mark. */
  readonly ratePerPeriod: number;
  readonly periodHours: number;
  /** (mark - index) / index, the mark's premium already clamped. */
  readonly premiumIndex: number;
  /** True when the index is invalid: no funding accrues on a price nobody can trust. */
  readonly paused: boolean;
}

/**
 * BitMEX's funding formula, F = P + clamp(I - P, +-interestClamp) with P the premium index and I the
 * interest per period, then bounded to +- capShare x (IM - MM) so one period's funding can never move a
 * position opened at exactly initial margin down to maintenance margin.
 */
export function fundingRate(
  markPrice: number,
  indexPrice: number,
  params: FundingParams,
  paused: boolean,
): Funding {
  const premiumIndex = (markPrice - indexPrice) / indexPrice;
  const base = { periodHours: params.periodHours, premiumIndex, paused };
  if (paused) return { ...base, ratePerPeriod: 0 };
  const interest = clamp(params.interestRatePerPeriod - premiumIndex, params.interestClamp);
  const cap = params.capShareOfMarginGap * (params.initialMarginRate - params.maintenanceMarginRate);
  return { ...base, ratePerPeriod: clamp(premiumIndex + interest, cap) };
}

/** `value` limited to [-bound, bound]. */
export function clamp(value: number, bound: number): number {
  return Math.min(bound, Math.max(-bound, value));
}
