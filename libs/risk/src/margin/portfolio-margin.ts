import { Scenario } from '../scenario-grid';
import {
  Contingencies,
  contingenciesOf,
  emptyTally,
  ExposureTally,
  SeriesSlots,
  tallyLinear,
  tallyPosition,
  totalOf,
} from './contingencies';
import { collateralPriceUsd } from './haircut';
import { interUnderlyingCredits } from './inter-underlying-credit';
import { MarginConfig, paramsOf, UnderlyingMarginParams } from './params';
import { MarginPortfolio, MarketView, markOf } from './portfolio';
import { addScaled, assertArrayFits, scenarioWeights, worstWeightedLoss } from './scenario-kernel';

export interface UnderlyingMargin {
  readonly underlying: string;
  /** Worst weighted scenario loss (USD, exact float), and the scenario that produced it. */
  readonly scenarioLossUsd: number;
  readonly worstScenario?: Scenario;
  /** Net delta in underlying units (derivatives and the collateral that hedges them). */
  readonly netDeltaUnits: number;
  /** SPAN inter-commodity credit against correlated underlyings (0 unless configured). */
  readonly interUnderlyingCreditUsd: number;
  /** Paradex's floor of the scenario part: minDeltaRate x |net delta| x index. */
  readonly minDeltaUsd: number;
  readonly contingencies: Contingencies;
  /** max(imFactor x loss - credit, minimum delta charge) + contingencies. */
  readonly imUsd: number;
  /** mmFactor x IM. */
  readonly mmUsd: number;
}

export interface PortfolioMargin {
  readonly byUnderlying: readonly UnderlyingMargin[];
  readonly imUsd: number;
  readonly mmUsd: number;
}

interface Bucket {
  readonly params: UnderlyingMarginParams;
  readonly pnl: Float64Array;
  readonly tally: ExposureTally;
  readonly indexPriceUsd: number;
  /** Net delta of the derivatives in underlying units, for the collateral hedge below. */
  derivativeDelta: number;
}

/**
 * Portfolio margin (SPAN, Deribit PM): per underlying, the worst weighted loss of sum(quantity x risk
 * array) over the grid, plus contingencies; summed across underlyings. O(positions x scenarios).
 */
export function portfolioMargin(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
): PortfolioMargin {
  const buckets = new Map<string, Bucket>();
  const series = new SeriesSlots();
  for (const position of portfolio.positions) {
    const mark = markOf(market, position.instrument);
    const bucket = bucketOf(buckets, mark.underlying, mark.indexPrice, config, portfolio.positions.length);
    if (mark.riskArray === undefined) throw new Error(`${position.instrument} has no risk array`);
    assertArrayFits(position.instrument, mark.riskArray, bucket.params.grid);
    addScaled(bucket.pnl, position.quantity, mark.riskArray);
    const option = position.kind === 'option';
    const dispersion = mark.confidence?.dispersion ?? 0;
    const { quantity, contractSize } = position;
    tallyPosition(
      bucket.tally,
      option ? series.slotOf(position.instrument) : -1,
      quantity,
      contractSize,
      mark.indexPrice,
      dispersion,
      mark.status === 'invalid',
    );
    bucket.derivativeDelta += quantity * (option ? (mark.option?.greeks.delta ?? 0) : contractSize);
  }
  addCollateralHedges(portfolio, market, config, buckets);
  const worst = new Map(
    [...buckets].map(([u, b]) => [u, worstWeightedLoss(b.pnl, scenarioWeights(b.params.grid))]),
  );
  const credits = interUnderlyingCredits(
    config.interUnderlyingCredits,
    new Map(
      [...buckets].map(([u, b]) => [
        u,
        { deltaUnits: b.derivativeDelta, scanLossUsd: b.params.imFactor * worst.get(u)!.lossUsd },
      ]),
    ),
  );
  const byUnderlying = [...buckets].map(([u, b]) =>
    underlyingMargin(u, b, worst.get(u)!, credits.get(u) ?? 0),
  );
  return {
    byUnderlying,
    imUsd: byUnderlying.reduce((total, u) => total + u.imUsd, 0),
    mmUsd: byUnderlying.reduce((total, u) => total + u.mmUsd, 0),
  };
}

/**
 * Spot collateral of an underlying (BTC; ETH and stETH) joins its scenarios only as far as it hedges the
 * derivatives' delta (a basis trade's long spot against its short perp). The rest of the holding is
 * already charged through its haircut; counting it twice would margin plain collateral like a position.
 */
function addCollateralHedges(
  portfolio: MarginPortfolio,
  market: MarketView,
  config: MarginConfig,
  buckets: Map<string, Bucket>,
): void {
  for (const holding of portfolio.collateral) {
    const bucket = [...buckets.values()].find((b) => b.params.spotAssets.includes(holding.asset));
    if (bucket === undefined) continue;
    const params = config.collateral[holding.asset];
    if (params === undefined) throw new Error(`${holding.asset} is not accepted as collateral`);
    const priceUsd = collateralPriceUsd(holding.asset, params, market);
    const deltaPerUnit = priceUsd / bucket.indexPriceUsd; // stETH moves with ETH at its own price
    const side = Math.sign(holding.units);
    const hedgeUnits =
      side * Math.min(Math.abs(holding.units), Math.max(0, (-side * bucket.derivativeDelta) / deltaPerUnit));
    if (hedgeUnits === 0) continue;
    const notionalUsd = hedgeUnits * priceUsd;
    bucket.derivativeDelta += hedgeUnits * deltaPerUnit;
    bucket.params.grid.scenarios.forEach(
      (scenario, s) => (bucket.pnl[s] += notionalUsd * scenario.spotShock),
    );
    tallyLinear(bucket.tally, notionalUsd);
  }
}

/**
 * IM of one underlying: the scan loss less any inter-underlying credit, floored by Paradex's minimum
 * delta charge (its net portfolio IM is the greater of SCAN risk and the minimum delta requirement), plus
 * contingencies. MM = mmFactor x IM.
 */
function underlyingMargin(
  underlying: string,
  bucket: Bucket,
  worst: { readonly lossUsd: number; readonly scenario: number },
  interUnderlyingCreditUsd: number,
): UnderlyingMargin {
  const { params } = bucket;
  const contingencies = contingenciesOf(bucket.tally, params);
  const minDeltaUsd = params.minDeltaRate * Math.abs(bucket.derivativeDelta) * bucket.indexPriceUsd;
  const scanUsd = params.imFactor * worst.lossUsd - interUnderlyingCreditUsd;
  const imUsd = Math.max(scanUsd, minDeltaUsd) + totalOf(contingencies);
  return {
    underlying,
    scenarioLossUsd: worst.lossUsd,
    ...(worst.scenario >= 0 ? { worstScenario: params.grid.scenarios[worst.scenario] } : {}),
    netDeltaUnits: bucket.derivativeDelta,
    interUnderlyingCreditUsd,
    minDeltaUsd,
    contingencies,
    imUsd,
    mmUsd: params.mmFactor * imUsd,
  };
}

function bucketOf(
  buckets: Map<string, Bucket>,
  underlying: string,
  indexPriceUsd: number,
  config: MarginConfig,
  /** Option series the bucket may see: at most one per position. */
  seriesCapacity: number,
): Bucket {
  let bucket = buckets.get(underlying);
  if (bucket === undefined) {
    const params = paramsOf(config, underlying);
    const pnl = new Float64Array(params.grid.scenarios.length);
    bucket = { params, indexPriceUsd, pnl, tally: emptyTally(seriesCapacity), derivativeDelta: 0 };
    buckets.set(underlying, bucket);
  }
  return bucket;
}
