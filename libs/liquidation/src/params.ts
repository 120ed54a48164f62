import { ClosePricingParams } from './close/close-pricing';
import { ThrottleParams } from './planner/throttle';

// Starting parameters, documented with their sources in docs/LIQUIDATION.md.

export interface LiquidationParams {
  readonly pricing: ClosePricingParams;
  /** Partial liquidation stops once marginNLV >= IM x this (ppm). */
  readonly targetImPpm: bigint;
  readonly throttle: ThrottleParams;
}

export const DEFAULT_LIQUIDATION_PARAMS: LiquidationParams = {
  // 10% of the cushion between mark and bankruptcy: the CCP's price for taking the risk over.
  // 1.5%: dYdX v4's maximum liquidation penalty.
  pricing: { towardBankruptcyPpm: 100_000n, feePpm: 15_000n },
  // IM + 10%: an account leaves liquidation with room, not on the edge of the next round.
  targetImPpm: 1_100_000n,
  // Drift closes 25% of each position per partial liquidation; doubling per adverse round.
  throttle: { baseFractionPpm: 250_000n, baseCooldownMs: 30_000, escalation: 2n, minCooldownMs: 5_000 },
};
