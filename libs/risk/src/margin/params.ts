import { ScenarioGrid } from '../scenario-grid';

/** A step of a size tier table: the rate applies to the whole size once it exceeds the previous step. */
export interface SizeTier {
  /** Upper bound of this tier (inclusive), in USD notional or asset units per the table's owner. */
  readonly upTo: number;
  readonly rate: number;
}

export interface CollateralParams {
  /** Haircut before volatility and size (USDC 0, BTC 0.05). */
  readonly baseHaircut: number;
  /** Haircut per unit of volatility over the horizon (2.33: a one-sided 99% move). */
  readonly volMultiplier: number;
  /** Liquidation horizon in EWMA observation periods. */
  readonly horizonPeriods: number;
  /** Extra haircut by holding size in asset units: a larger holding takes longer to sell. */
  readonly sizeTiers: readonly SizeTier[];
  /** Ceiling of the total haircut (<= 1). */
  readonly maxHaircut: number;
  /**
   * Drift's continuous size term (0: off), beside the stepped tiers: a holding of u units is weighted at
   * most 1.1 / (1 + factor x sqrt(u)), a debt of u units at least 0.8 x (1 + haircut) + factor x sqrt(u).
   */
  readonly sizeImfFactor: number;
  /** Liquid staking token: valued at min(market, redemption x staked asset), minus a de-peg shock. */
  readonly liquidStaking?: { readonly stakedAsset: string; readonly depegShock: number };
}

export interface StandardMarginParams {
  /** Linear positions: IM rate by USD notional (BitMEX risk limits, Deribit size term), step-wise. */
  readonly imTiers: readonly SizeTier[];
  /** MM rate by the same notional tiers. */
  readonly mmTiers: readonly SizeTier[];
  /** dYdX open-interest scaling of the IM rate between these caps (USD); absent: off. */
  readonly openInterest?: { readonly lowerCapUsd: number; readonly upperCapUsd: number };
  /**
   * Deribit's linear size term: IM and MM rates rise by this per underlying unit of the position (0.005%
   * per BTC on Deribit), continuously, on top of the stepped tiers. 0: off.
   */
  readonly sizeRatePerUnit: number;
  /** Short options (Deribit, Lyra): IM max(rate x underlying - OTM amount, minRate x underlying) per contract. */
  readonly shortOptionRate: number;
  readonly shortOptionMinRate: number;
  /** Short option MM beyond its mark (Deribit 0.075, Lyra mmCallSpotReq / mmPutSpotReq): rate x underlying. */
  readonly shortOptionMmRate: number;
  /** A short put's MM is at least this share of its mark (Deribit 0.075 x mark, Lyra MMPutMtMReq). */
  readonly shortPutMmMarkShare: number;
}

export interface UnderlyingMarginParams {
  /** The grid the oracle's risk arrays were built on (weights of the extended scenarios included). */
  readonly grid: ScenarioGrid;
  /** IM = max(imFactor x worst weighted scenario loss - credit, minimum delta charge) + contingencies. */
  readonly imFactor: number;
  /** MM = mmFactor x IM. */
  readonly mmFactor: number;
  /** Per net-short contract of a series (calls net puts per strike), this share of its underlying notional. */
  readonly shortOptionContingencyRate: number;
  /** On the offsetting amount of linear notional (the smaller of long and short): basis risk. */
  readonly offsetContingencyRate: number;
  /** Low oracle confidence: gross notional x (dispersion - tolerance) x perDispersion; invalid mark: rate. */
  readonly oracle: {
    readonly dispersionTolerance: number;
    readonly chargePerDispersion: number;
    readonly invalidMarkRate: number;
  };
  /**
   * Paradex's minimum delta charge: the scenario part of IM is at least rate x |net delta| x index, so a
   * book whose scenarios happen to net out still pays for the direction it carries. 0: off.
   */
  readonly minDeltaRate: number;
  /** Collateral assets that move with this underlying and join its scenarios (BTC; ETH and stETH). */
  readonly spotAssets: readonly string[];
  readonly standard: StandardMarginParams;
}

/**
 * SPAN's inter-commodity spread credit: opposite net deltas of two correlated underlyings form spreads of
 * `deltaRatio[0]` units of the first against `deltaRatio[1]` of the second; each leg's scenario loss is
 * credited `creditRate` x the share of its delta that is spread.
 */
export interface InterUnderlyingCredit {
  readonly underlyings: readonly [string, string];
  readonly deltaRatio: readonly [number, number];
  readonly creditRate: number;
}

export interface HealthBands {
  /** NLV / MM at or above this: healthy. */
  readonly healthy: number;
  /** At or above this (and below healthy): watch; below: warning, down to 1 (liquidatable). */
  readonly watch: number;
}

export interface MarginConfig {
  readonly underlyings: Readonly<Record<string, UnderlyingMarginParams>>;
  readonly collateral: Readonly<Record<string, CollateralParams>>;
  /** Positive unrealized P&L counts toward IM up to min(this USD, share x haircut collateral): Mango. */
  readonly upnlCap: { readonly maxUsd: number; readonly shareOfCollateral: number };
  /** SPAN inter-commodity spread credits between correlated underlyings; none by default. */
  readonly interUnderlyingCredits: readonly InterUnderlyingCredit[];
  readonly healthBands: HealthBands;
}

/** The rate of the tier `size` falls into; beyond the last tier, the last rate (the table's cap). */
export function tierRate(tiers: readonly SizeTier[], size: number): number {
  if (tiers.length === 0) throw new RangeError('a tier table needs at least one tier');
  for (const tier of tiers) if (size <= tier.upTo) return tier.rate;
  return tiers[tiers.length - 1].rate;
}

export function paramsOf(config: MarginConfig, underlying: string): UnderlyingMarginParams {
  const params = config.underlyings[underlying];
  if (params === undefined) throw new Error(`no margin parameters for underlying ${underlying}`);
  return params;
}
