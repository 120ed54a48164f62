import { MarginConfig, MarginPortfolio } from '@clearing/risk';
import { MarketState } from './market-state';

/**
 * What the account holds that the market cannot price yet: an instrument without a mark (or an option mark
 * without a price or risk array: no vol surface), a collateral asset without a price or margin parameters,
 * an underlying without margin parameters. Such an account is published as unpriced, never guessed.
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
    if (holding.units === 0) continue;
    if (!market.hasPrice(holding.asset) || config.collateral[holding.asset] === undefined)
      missing.push(holding.asset);
  }
  return missing;
}
