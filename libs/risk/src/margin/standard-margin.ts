import { MarginConfig, paramsOf, StandardMarginParams, tierRate } from './params';
import { MarginPortfolio, MarginPosition, MarketView, markOf, MarginMark } from './portfolio';

export interface PositionStandardMargin {
  readonly instrument: string;
  /** Linear: |quantity x mark|; options: |quantity| x contract size x index. */
  readonly notionalUsd: number;
  readonly imRate: number;
  readonly imUsd: number;
  readonly mmUsd: number;
}

export interface StandardMargin {
  readonly positions: readonly PositionStandardMargin[];
  readonly imUsd: number;
  readonly mmUsd: number;
}

/**
 * Standard (isolated) margin: every position margined on its own, as if nothing offset it. The baseline
 * for accounts not on portfolio margin, and for every account the measure of what netting saves.
 */
export function standardMargin(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
): StandardMargin {
  const positions = portfolio.positions.map((position) => {
    const mark = markOf(market, position.instrument);
    return positionStandardMargin(position, mark, paramsOf(config, mark.underlying).standard);
  });
  return {
    positions,
    imUsd: positions.reduce((sum, p) => sum + p.imUsd, 0),
    mmUsd: positions.reduce((sum, p) => sum + p.mmUsd, 0),
  };
}

export function positionStandardMargin(
  position: MarginPosition,
  mark: MarginMark,
  params: StandardMarginParams,
): PositionStandardMargin {
  const { instrument, quantity, contractSize } = position;
  if (position.kind === 'option') {
    const underlyingUsd = contractSize * mark.indexPrice;
    const notionalUsd = Math.abs(quantity) * underlyingUsd;
    // Long options are paid in full (their mark is in NLV); only the writer owes margin.
    if (quantity >= 0) return { instrument, notionalUsd, imRate: 0, imUsd: 0, mmUsd: 0 };
    const outOfMoneyUsd = contractSize * outOfMoneyPerUnit(position, mark.indexPrice);
    const perContract = Math.max(
      params.shortOptionRate * underlyingUsd - outOfMoneyUsd,
      params.shortOptionMinRate * underlyingUsd,
    );
    const imUsd = perContract * -quantity;
    return {
      instrument,
      notionalUsd,
      imRate: imUsd / notionalUsd,
      imUsd,
      mmUsd: params.shortOptionMmShare * imUsd,
    };
  }
  if (mark.markPrice === undefined) throw new Error(`${instrument} has no mark price`);
  const notionalUsd = Math.abs(quantity * mark.markPrice);
  // A long spot holding is fully paid; anything else is leveraged exposure.
  if (position.kind === 'spot' && quantity >= 0)
    return { instrument, notionalUsd, imRate: 0, imUsd: 0, mmUsd: 0 };
  const imRate = openInterestScaled(tierRate(params.imTiers, notionalUsd), mark.openInterestUsd, params);
  return {
    instrument,
    notionalUsd,
    imRate,
    imUsd: imRate * notionalUsd,
    mmUsd: tierRate(params.mmTiers, notionalUsd) * notionalUsd,
  };
}

/**
 * dYdX v4's open-interest scaling: between the lower and upper caps of open interest, the IM rate rises
 * linearly from its tier rate to 100%, so a market that grows too crowded stops accepting leverage.
 */
export function openInterestScaled(
  imRate: number,
  openInterestUsd: number | undefined,
  params: StandardMarginParams,
): number {
  const caps = params.openInterest;
  if (caps === undefined || openInterestUsd === undefined) return imRate;
  const crowding = (openInterestUsd - caps.lowerCapUsd) / (caps.upperCapUsd - caps.lowerCapUsd);
  return imRate + Math.min(1, Math.max(0, crowding)) * (1 - imRate);
}

function outOfMoneyPerUnit(position: MarginPosition, indexPrice: number): number {
  if (position.strike === undefined) throw new Error(`${position.instrument}: option without strike`);
  return position.optionType === 'put'
    ? Math.max(0, indexPrice - position.strike)
    : Math.max(0, position.strike - indexPrice);
}
