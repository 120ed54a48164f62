import { collateralPriceInputs, MarginConfig, MarginPortfolio } from '@clearing/risk';
import { MarketState } from './market-state';

/**
 * What the account holds that the market cannot price yet: an instrument without a mark (or an option mark
 * without a price or risk array: no vol surface), a collateral asset without margin parameters or a price
 * (a liquid staking token: without its redemption rate, or the asset it is staked in without an index; that
 * asset is named), an underlying without margin parameters. Such an account is published as unpriced, never guessed.
 */
export function missingMarketData(
  portfolio: MarginPortfolio,
  market: MarketState,
  config: MarginConfig,
): string[] {
  const view = market.view();
  const missing: string[] = [];
  for (const position of portfolio.positions) {
    if (position.quantity === 0) continue;
    const mark = view.marks.get(position.instrument);
    const usable = mark !== undefined && mark.markPrice !== undefined && mark.riskArray !== undefined;
    if (!usable || config.underlyings[mark.underlying] === undefined) missing.push(position.instrument);
  }
  for (const holding of portfolio.collateral) {
    if (holding.units !== 0) missing.push(...unpricedInputs(holding.asset, market, config));
  }
  return [...new Set(missing)];
}

/** A liquid staking token also needs its redemption rate (named by the token) and its staked asset's index. */
function unpricedInputs(asset: string, market: MarketState, config: MarginConfig): string[] {
  const params = config.collateral[asset];
  if (params === undefined) return [asset];
  const noRate = params.liquidStaking !== undefined && !market.hasRedemptionRate(asset);
  const unpriced = collateralPriceInputs(asset, params).filter((input) => !market.hasPrice(input));
  return noRate ? [asset, ...unpriced] : unpriced;
}
