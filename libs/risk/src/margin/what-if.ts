import { AccountMargin, accountMargin, MarginMethod } from './account-margin';
import { MarginConfig } from './params';
import { CollateralHolding, MarginPortfolio, MarginPosition, MarketView } from './portfolio';

/** A trade that has not happened: positive quantity buys, at `priceUsd` per underlying unit (as fills are). */
export interface HypotheticalTrade {
  readonly position: Omit<MarginPosition, 'quantity' | 'costUsd'>;
  readonly quantity: number;
  readonly priceUsd: number;
  /** The asset premiums of options and spot are paid in (USDC). */
  readonly settlementAsset: string;
  /**
   * USD per unit of the settlement asset (Drift's quote price), for a settlement asset that is not worth
   * exactly 1 USD: cash moves by the trade's USD amount / this. Absent: 1 (a USD stablecoin at par).
   */
  readonly settlementPriceUsd?: number;
}

/**
 * The margin of the portfolio plus `trades`, for pre-trade checks. O(trades x positions) to fold the
 * trades in, then accountMargin's O(positions x scenarios): no repricing, milliseconds for any account.
 */
export function whatIf(
  portfolio: MarginPortfolio,
  trades: readonly HypotheticalTrade[],
  market: MarketView,
  config: MarginConfig,
  method: MarginMethod = 'portfolio',
): AccountMargin {
  return accountMargin(trades.reduce(withTrade, portfolio), market, config, method);
}

/**
 * Adds the trade's cost to the position's cost basis without realizing P&L: quantity x mark - cost is then
 * the old position's realized plus unrealized P&L, so NLV is the same as after a booked trade (only the
 * Mango cap, which sees unrealized profit alone, may count a closing trade slightly more strictly).
 */
export function withTrade(portfolio: MarginPortfolio, trade: HypotheticalTrade): MarginPortfolio {
  const { position, quantity, priceUsd } = trade;
  const costUsd = quantity * priceUsd * position.contractSize;
  const held = portfolio.positions.find((p) => p.instrument === position.instrument);
  const next: MarginPosition = {
    ...position,
    quantity: (held?.quantity ?? 0) + quantity,
    costUsd: (held?.costUsd ?? 0) + costUsd,
  };
  const positions = portfolio.positions.filter((p) => p !== held);
  if (next.quantity !== 0) positions.push(next);
  const paysPremium = position.kind === 'option' || position.kind === 'spot';
  // A linear position closed to zero leaves its cost basis behind as realized P&L, paid in cash.
  const cashUsd = paysPremium ? -costUsd : next.quantity === 0 ? -next.costUsd : 0;
  const cashUnits = cashUsd / (trade.settlementPriceUsd ?? 1);
  const collateral =
    cashUnits === 0 ? portfolio.collateral : withCash(portfolio.collateral, trade.settlementAsset, cashUnits);
  return { ...portfolio, positions, collateral };
}

function withCash(
  collateral: readonly CollateralHolding[],
  asset: string,
  units: number,
): CollateralHolding[] {
  const held = collateral.find((c) => c.asset === asset);
  const rest = collateral.filter((c) => c !== held);
  return [...rest, { asset, units: (held?.units ?? 0) + units }];
}
