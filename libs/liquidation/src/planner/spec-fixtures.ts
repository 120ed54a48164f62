// Fixtures for the planner specs: BTC marks built like the oracle builds them (risk arrays on the
// default grid, Black-76 for options) and the matching exact ledger terms.
import { InstrumentTerms, parseAmount } from '@clearing/ledger';
import { black76 } from '@clearing/pricing';
import { defaultMarginConfig, MarginMark, MarketView, riskArray } from '@clearing/risk';

export const CONFIG = defaultMarginConfig();
const GRID = CONFIG.underlyings.BTC.grid;

export const usdc = (decimal: string): bigint => parseAmount(decimal, 6);
export const btc = (decimal: string): bigint => parseAmount(decimal, 8);

export function termsOf(instrument: string, kind: InstrumentTerms['kind'] = 'perpetual'): InstrumentTerms {
  return {
    instrument,
    kind,
    settlementAsset: 'USDC',
    settlementScale: 6,
    positionScale: 8,
    contractSize: { minor: 1n, scale: 0 },
  };
}

export function perpMark(instrument: string, indexPrice: number): MarginMark {
  return {
    instrument,
    underlying: 'BTC',
    status: 'valid',
    indexPrice,
    markPrice: indexPrice,
    riskArray: riskArray({ kind: 'linear', price: indexPrice, contractSize: 1 }, GRID),
  };
}

export function putMark(instrument: string, strike: number, indexPrice: number): MarginMark {
  const input = { type: 'put' as const, forward: indexPrice, strike, years: 30 / 365, rate: 0, vol: 0.6 };
  const greeks = black76(input);
  return {
    instrument,
    underlying: 'BTC',
    status: 'valid',
    indexPrice,
    markPrice: greeks.price,
    riskArray: riskArray({ kind: 'option', ...input, contractSize: 1 }, GRID),
    option: { greeks: { delta: greeks.delta, gamma: greeks.gamma, vega: greeks.vega, theta: greeks.theta } },
  };
}

export function marketOf(marks: readonly MarginMark[]): MarketView {
  return {
    marks: new Map(marks.map((mark) => [mark.instrument, mark])),
    assetPricesUsd: new Map([['USDC', 1]]),
    redemptionRates: new Map(),
    volatility: new Map(),
  };
}
