import { volatilityOver } from './ewma-volatility';
import { CollateralParams, tierRate } from './params';
import { MarketView } from './portfolio';

export interface Haircut {
  readonly base: number;
  /** volMultiplier x EWMA volatility over the liquidation horizon. */
  readonly volatility: number;
  /** Size tier add-on of this holding. */
  readonly size: number;
  /** Liquid staking tokens: the de-peg shock. */
  readonly depeg: number;
  /** Drift's continuous size term: what it adds beyond the capped sum (0 when the steps already cover it). */
  readonly continuousSize: number;
  /** Sum capped at maxHaircut, then raised by the continuous size term. */
  readonly total: number;
}

/** The haircut of holding `units` of an asset: base + volatility + size tier (+ de-peg), capped. */
export function haircutOf(params: CollateralParams, units: number, variance: number | undefined): Haircut {
  const volatility =
    variance === undefined ? 0 : params.volMultiplier * volatilityOver({ variance }, params.horizonPeriods);
  const size = params.sizeTiers.length === 0 ? 0 : tierRate(params.sizeTiers, Math.abs(units));
  const depeg = params.liquidStaking?.depegShock ?? 0;
  const capped = Math.min(params.baseHaircut + volatility + size + depeg, params.maxHaircut);
  const total = withContinuousSize(capped, units, params.sizeImfFactor);
  return { base: params.baseHaircut, volatility, size, depeg, continuousSize: total - capped, total };
}

/**
 * Drift's size-dependent weights (protocol-v2 margin.rs, calculate_size_discount_asset_weight and
 * calculate_size_premium_liability_weight) in haircut terms. A holding of u units is weighted at most
 * 1.1 / (1 + factor x sqrt(u)); a debt at least 0.8 x (1 + haircut) + factor x sqrt(u). Square-root: a
 * larger block costs more to sell (or buy back) per unit, continuously rather than at tier edges.
 */
function withContinuousSize(haircut: number, units: number, factor: number): number {
  if (factor === 0 || units === 0) return haircut;
  const sizeTerm = factor * Math.sqrt(Math.abs(units));
  if (units > 0) return Math.max(haircut, 1 - 1.1 / (1 + sizeTerm));
  const liabilityWeight = Math.max(1 + haircut, 0.8 * (1 + haircut) + sizeTerm);
  return liabilityWeight - 1;
}

/**
 * USD price of one unit of collateral. A liquid staking token is worth at most what it redeems for:
 * min(market, redemption rate x staked asset price), so a market that has not yet repriced a de-peg (or an
 * oracle lagging the market) never lends more than the exit value.
 */
export function collateralPriceUsd(asset: string, params: CollateralParams, market: MarketView): number {
  const marketPrice = priceOf(market, asset);
  const staking = params.liquidStaking;
  if (staking === undefined) return marketPrice;
  const rate = market.redemptionRates.get(asset);
  if (rate === undefined) throw new Error(`no redemption rate for ${asset}`);
  return Math.min(marketPrice, rate * priceOf(market, staking.stakedAsset));
}

/**
 * The assets whose index marks price one unit of this collateral: the asset itself and, for a liquid staking
 * token, the asset it is staked in (its redemption rate is a third input, keyed by the token itself).
 */
export function collateralPriceInputs(asset: string, params: CollateralParams): string[] {
  const staked = params.liquidStaking?.stakedAsset;
  return staked === undefined ? [asset] : [asset, staked];
}

export interface CollateralValue {
  readonly asset: string;
  readonly units: number;
  readonly priceUsd: number;
  readonly haircut: Haircut;
  /** units x price: what NLV (unhaircut) counts. */
  readonly valueUsd: number;
  /** After the haircut; a debt is charged the haircut instead (it can cost more to buy back). */
  readonly marginValueUsd: number;
}

export function valueCollateral(
  asset: string,
  units: number,
  params: CollateralParams,
  market: MarketView,
): CollateralValue {
  const priceUsd = collateralPriceUsd(asset, params, market);
  const haircut = haircutOf(params, units, market.volatility.get(asset)?.variance);
  const valueUsd = units * priceUsd;
  const marginValueUsd = valueUsd * (units >= 0 ? 1 - haircut.total : 1 + haircut.total);
  return { asset, units, priceUsd, haircut, valueUsd, marginValueUsd };
}

function priceOf(market: MarketView, asset: string): number {
  const price = market.assetPricesUsd.get(asset);
  if (price === undefined) throw new Error(`no USD price for collateral ${asset}`);
  return price;
}
