import { buildScenarioGrid, ScenarioGrid } from '../scenario-grid';
import { CollateralParams, MarginConfig, StandardMarginParams, UnderlyingMarginParams } from './params';

// Starting parameters, documented in docs/MARGIN.md. Sources: Deribit (PM grid, short option formula),
// BitMEX risk limits (IM steps with notional), dYdX v4 (OI scaling), RiskMetrics (lambda 0.94).

/**
 * BitMEX-style risk limit steps as notional grows. The first step equals the grid's core range (16%), so a
 * lone linear position costs the same on either method and the saving reported is netting, not calibration.
 */
export const DEFAULT_STANDARD_PARAMS: StandardMarginParams = {
  imTiers: [
    { upTo: 1_000_000, rate: 0.16 },
    { upTo: 5_000_000, rate: 0.18 },
    { upTo: 20_000_000, rate: 0.2 },
    { upTo: Infinity, rate: 0.25 },
  ],
  mmTiers: [
    { upTo: 1_000_000, rate: 0.08 },
    { upTo: 5_000_000, rate: 0.09 },
    { upTo: 20_000_000, rate: 0.1 },
    { upTo: Infinity, rate: 0.125 },
  ],
  sizeRatePerUnit: 0,
  shortOptionRate: 0.15,
  shortOptionMinRate: 0.1,
  shortOptionMmRate: 0.075,
  shortPutMmMarkShare: 0.075,
};

export function defaultUnderlyingParams(
  spotAssets: readonly string[],
  grid: ScenarioGrid = buildScenarioGrid(),
): UnderlyingMarginParams {
  return {
    grid,
    imFactor: 1,
    mmFactor: 0.75,
    shortOptionContingencyRate: 0.005,
    offsetContingencyRate: 0.005,
    minDeltaRate: 0,
    oracle: { dispersionTolerance: 0.005, chargePerDispersion: 1, invalidMarkRate: 0.05 },
    spotAssets,
    standard: DEFAULT_STANDARD_PARAMS,
  };
}

const STABLE: CollateralParams = {
  baseHaircut: 0,
  volMultiplier: 0,
  horizonPeriods: 1,
  sizeTiers: [],
  maxHaircut: 0.05,
  sizeImfFactor: 0,
};

/** Volatile collateral: 99% one-sided daily move over a 2-day liquidation horizon, size tiers in units. */
function volatile(baseHaircut: number, sizeTiers: CollateralParams['sizeTiers']): CollateralParams {
  return {
    baseHaircut,
    volMultiplier: 2.33,
    horizonPeriods: 2,
    sizeTiers,
    maxHaircut: 0.9,
    sizeImfFactor: 0,
  };
}

export const DEFAULT_COLLATERAL_PARAMS: Readonly<Record<string, CollateralParams>> = {
  USDC: STABLE,
  BTC: volatile(0.02, [
    { upTo: 100, rate: 0 },
    { upTo: 1_000, rate: 0.02 },
    { upTo: Infinity, rate: 0.05 },
  ]),
  ETH: volatile(0.03, [
    { upTo: 2_000, rate: 0 },
    { upTo: 20_000, rate: 0.02 },
    { upTo: Infinity, rate: 0.05 },
  ]),
  stETH: {
    ...volatile(0.04, [
      { upTo: 1_000, rate: 0 },
      { upTo: 10_000, rate: 0.03 },
      { upTo: Infinity, rate: 0.08 },
    ]),
    liquidStaking: { stakedAsset: 'ETH', depegShock: 0.05 },
  },
};

export function defaultMarginConfig(overrides: Partial<MarginConfig> = {}): MarginConfig {
  return {
    underlyings: { BTC: defaultUnderlyingParams(['BTC']), ETH: defaultUnderlyingParams(['ETH', 'stETH']) },
    collateral: DEFAULT_COLLATERAL_PARAMS,
    upnlCap: { maxUsd: 1_000_000, shareOfCollateral: 1 },
    interUnderlyingCredits: [],
    healthBands: { healthy: 2, watch: 1.5 },
    ...overrides,
  };
}
