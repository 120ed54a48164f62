// Fixtures for the margin specs: marks built with the real pricing and risk arrays, as the oracle would.
import { black76 } from '@clearing/pricing';
import { riskArray } from '../risk-array';
import { ScenarioGrid } from '../scenario-grid';
import { defaultMarginConfig } from './defaults';
import { MarginMark, MarginPosition, MarketView } from './portfolio';

export const CONFIG = defaultMarginConfig();
export const BTC_GRID = CONFIG.underlyings.BTC.grid;
export const BTC_SPOT = 60_000;

export function linearMark(
  instrument: string,
  indexPrice: number,
  contractSize = 1,
  grid = BTC_GRID,
): MarginMark {
  return {
    instrument,
    underlying: instrument.split('-')[0],
    status: 'valid',
    indexPrice,
    markPrice: indexPrice * contractSize,
    riskArray: riskArray({ kind: 'linear', price: indexPrice, contractSize }, grid),
  };
}

export interface OptionTerms {
  readonly type: 'call' | 'put';
  readonly strike: number;
  readonly days: number;
  readonly vol: number;
  readonly indexPrice: number;
  readonly contractSize?: number;
  readonly grid?: ScenarioGrid;
}

/** Black-76 on a forward equal to the index (zero carry and rate), as a 0-rate oracle marks it. */
export function optionMark(instrument: string, terms: OptionTerms): MarginMark {
  const { type, strike, days, vol, indexPrice, contractSize = 1, grid = BTC_GRID } = terms;
  const input = { type, forward: indexPrice, strike, years: days / 365, rate: 0, vol };
  const greeks = black76(input);
  return {
    instrument,
    underlying: instrument.split('-')[0],
    status: 'valid',
    indexPrice,
    markPrice: greeks.price * contractSize,
    riskArray: riskArray({ kind: 'option', ...input, contractSize }, grid),
    option: {
      greeks: {
        delta: greeks.delta * contractSize,
        gamma: greeks.gamma * contractSize,
        vega: greeks.vega * contractSize,
        theta: greeks.theta * contractSize,
      },
    },
  };
}

export function marketOf(
  marks: readonly MarginMark[],
  assetPricesUsd: Record<string, number> = { USDC: 1, BTC: BTC_SPOT },
  extra: Partial<Omit<MarketView, 'marks' | 'assetPricesUsd'>> = {},
): MarketView {
  return {
    marks: new Map(marks.map((mark) => [mark.instrument, mark])),
    assetPricesUsd: new Map(Object.entries(assetPricesUsd)),
    redemptionRates: extra.redemptionRates ?? new Map(),
    volatility: extra.volatility ?? new Map(),
  };
}

export function linear(
  instrument: string,
  quantity: number,
  entryUsd: number,
  contractSize = 1,
): MarginPosition {
  return {
    instrument,
    kind: 'perpetual',
    quantity,
    contractSize,
    costUsd: quantity * entryUsd * contractSize,
  };
}

export function option(mark: MarginMark, quantity: number, terms: OptionTerms): MarginPosition {
  const contractSize = terms.contractSize ?? 1;
  return {
    instrument: mark.instrument,
    kind: 'option',
    quantity,
    contractSize,
    costUsd: quantity * mark.markPrice!,
    strike: terms.strike,
    optionType: terms.type,
  };
}
