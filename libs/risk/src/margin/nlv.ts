import { CollateralValue, valueCollateral } from './haircut';
import { MarginConfig } from './params';
import { MarginPortfolio, MarketView, markOf, MarginPosition } from './portfolio';

/** Net liquidation value, exact floats (rounded only when published, see account-margin.ts). */
export interface NetLiquidationValue {
  readonly collateral: readonly CollateralValue[];
  /** Sum of units x price (no haircut). */
  readonly collateralUsd: number;
  /** Sum after haircuts. */
  readonly collateralMarginUsd: number;
  /** Futures and perpetuals: quantity x mark - cost basis (= quantity x (mark - entry) x contract size). */
  readonly unrealizedPnlUsd: number;
  /** Long options at mark: assets. */
  readonly longOptionsUsd: number;
  /** Short options at mark (positive number): liabilities. */
  readonly shortOptionsUsd: number;
  /** Spot instrument positions at mark. */
  readonly spotPositionsUsd: number;
  /** Everything at mark, no haircut, all unrealized P&L: what the account would be worth closed out now. */
  readonly nlvUsd: number;
  /** Haircut collateral and all unrealized P&L: compared with MM (health, liquidation). */
  readonly marginNlvUsd: number;
  /** Haircut collateral and positive unrealized P&L only up to the cap: compared with IM (new risk, withdrawals). */
  readonly initialNlvUsd: number;
}

export function netLiquidationValue(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
): NetLiquidationValue {
  const collateral = portfolio.collateral.map((holding) => {
    const params = config.collateral[holding.asset];
    if (params === undefined) throw new Error(`${holding.asset} is not accepted as collateral`);
    return valueCollateral(holding.asset, holding.units, params, market);
  });
  const collateralUsd = sum(collateral.map((c) => c.valueUsd));
  const collateralMarginUsd = sum(collateral.map((c) => c.marginValueUsd));
  const positions = positionValues(portfolio.positions, market);
  const atMark = positions.longOptionsUsd - positions.shortOptionsUsd + positions.spotPositionsUsd;
  const upnl = positions.unrealizedPnlUsd;
  // Mango Markets (2022): an inflated mark made unrealized profit borrowable. It only counts up to a cap.
  const upnlCap = Math.min(
    config.upnlCap.maxUsd,
    config.upnlCap.shareOfCollateral * Math.max(0, collateralMarginUsd),
  );
  return {
    collateral,
    collateralUsd,
    collateralMarginUsd,
    ...positions,
    nlvUsd: collateralUsd + upnl + atMark,
    marginNlvUsd: collateralMarginUsd + upnl + atMark,
    initialNlvUsd: collateralMarginUsd + Math.min(upnl, upnlCap) + atMark,
  };
}

interface PositionValues {
  unrealizedPnlUsd: number;
  longOptionsUsd: number;
  shortOptionsUsd: number;
  spotPositionsUsd: number;
}

function positionValues(positions: readonly MarginPosition[], market: MarketView): PositionValues {
  const values = { unrealizedPnlUsd: 0, longOptionsUsd: 0, shortOptionsUsd: 0, spotPositionsUsd: 0 };
  for (const position of positions) {
    const markPrice = markOf(market, position.instrument).markPrice;
    if (markPrice === undefined) throw new Error(`${position.instrument} has no mark price`);
    const valueUsd = position.quantity * markPrice;
    if (position.kind === 'option') {
      if (valueUsd >= 0) values.longOptionsUsd += valueUsd;
      else values.shortOptionsUsd -= valueUsd;
    } else if (position.kind === 'spot') values.spotPositionsUsd += valueUsd;
    else values.unrealizedPnlUsd += valueUsd - position.costUsd;
  }
  return values;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
