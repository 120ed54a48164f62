import { MarginConfig, paramsOf } from './params';
import { MarginPortfolio, MarketView, markOf } from './portfolio';

const DAYS_PER_YEAR = 365;
const ONE_PERCENT = 0.01;
const ONE_VOL_POINT = 0.01;

/** Sensitivities of one underlying, in underlying units and in USD. */
export interface UnderlyingGreeks {
  readonly underlying: string;
  /** Underlying units (BTC) the account is long. */
  readonly delta: number;
  /** Change of delta per 1 USD of the underlying. */
  readonly gamma: number;
  /** USD per 1.00 (100 vol points) of implied vol. */
  readonly vega: number;
  /** USD per year of time decay. */
  readonly theta: number;
  readonly deltaUsd: number;
  /** Change of USD delta for a 1% move of the underlying. */
  readonly gammaUsdPerPercent: number;
  readonly vegaUsdPerVolPoint: number;
  readonly thetaUsdPerDay: number;
}

export interface AccountGreeks {
  readonly byUnderlying: readonly UnderlyingGreeks[];
  /** Totals across underlyings exist only in USD: BTC and ETH deltas do not add up in units. */
  readonly total: Pick<
    UnderlyingGreeks,
    'deltaUsd' | 'gammaUsdPerPercent' | 'vegaUsdPerVolPoint' | 'thetaUsdPerDay'
  >;
}

interface Sums {
  index: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

/** Greeks per contract from the marks, times quantities; spot collateral of an underlying adds its delta. */
export function accountGreeks(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
): AccountGreeks {
  const sums = new Map<string, Sums>();
  const sumsOf = (underlying: string, index: number) =>
    sums.get(underlying) ??
    sums.set(underlying, { index, delta: 0, gamma: 0, vega: 0, theta: 0 }).get(underlying)!;
  for (const position of portfolio.positions) {
    const mark = markOf(market, position.instrument);
    const s = sumsOf(mark.underlying, mark.indexPrice);
    const greeks = mark.option?.greeks;
    if (position.kind !== 'option') s.delta += position.quantity * position.contractSize;
    else if (greeks !== undefined) {
      s.delta += position.quantity * greeks.delta;
      s.gamma += position.quantity * greeks.gamma;
      s.vega += position.quantity * greeks.vega;
      s.theta += position.quantity * greeks.theta;
    }
  }
  for (const holding of portfolio.collateral) {
    const underlying = Object.keys(config.underlyings).find((u) =>
      paramsOf(config, u).spotAssets.includes(holding.asset),
    );
    if (underlying === undefined) continue;
    // Without a position the underlying's index is its own spot price (the BTC asset for BTC).
    const index = sums.get(underlying)?.index ?? market.assetPricesUsd.get(underlying);
    const priceUsd = market.assetPricesUsd.get(holding.asset);
    if (index === undefined || priceUsd === undefined) throw new Error(`no USD price for ${holding.asset}`);
    sumsOf(underlying, index).delta += (holding.units * priceUsd) / index;
  }
  const byUnderlying = [...sums].map(([underlying, s]) => inUsd(underlying, s));
  const total = (key: keyof AccountGreeks['total']) => byUnderlying.reduce((sum, g) => sum + g[key], 0);
  return {
    byUnderlying,
    total: {
      deltaUsd: total('deltaUsd'),
      gammaUsdPerPercent: total('gammaUsdPerPercent'),
      vegaUsdPerVolPoint: total('vegaUsdPerVolPoint'),
      thetaUsdPerDay: total('thetaUsdPerDay'),
    },
  };
}

function inUsd(underlying: string, s: Sums): UnderlyingGreeks {
  return {
    underlying,
    delta: s.delta,
    gamma: s.gamma,
    vega: s.vega,
    theta: s.theta,
    deltaUsd: s.delta * s.index,
    gammaUsdPerPercent: s.gamma * s.index * s.index * ONE_PERCENT,
    vegaUsdPerVolPoint: s.vega * ONE_VOL_POINT,
    thetaUsdPerDay: s.theta / DAYS_PER_YEAR,
  };
}
