import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin, DEFAULT_COLLATERAL_PARAMS, defaultMarginConfig, MarketView } from '@clearing/risk';
import { netCollateralOf } from './account-view';
import { Candidate, MarginContext, tryCandidate } from './candidates';
import { btc, marketOf, perpMark, termsOf, usdc } from './spec-fixtures';

// Drift's quote price: a book settled in USDT while USDT trades at 0.98 USD. Margin is in USD, prices and
// fees in USDT: the planner converts with the quote price instead of taking USDT at par.
const config = defaultMarginConfig({
  collateral: { ...DEFAULT_COLLATERAL_PARAMS, USDT: DEFAULT_COLLATERAL_PARAMS.USDC },
});
const marketAt = (usdtUsd: number): MarketView => ({
  ...marketOf([perpMark('BTC-PERP', 60_000)]),
  assetPricesUsd: new Map([
    ['USDC', 1],
    ['USDT', usdtUsd],
  ]),
});
const terms = { ...termsOf('BTC-PERP'), settlementAsset: 'USDT' };
const portfolio = { account: 'hedger', collateral: [{ asset: 'USDT', units: 100_000 }], positions: [] };
// 60,000 USD is 61,224.489796 USDT at 0.98.
const hedge: Candidate = {
  kind: 'hedge',
  instrument: 'BTC-PERP',
  terms,
  position: { instrument: 'BTC-PERP', kind: 'perpetual', contractSize: 1 },
  exact: { terms, quantity: 0n, markPrice: usdc('61224.489796') },
  side: 'sell',
  maxQuantity: btc('1'),
  lot: btc('0.001'),
};

describe('liquidation sizing with a quote-asset price (USDT at 0.98 USD)', () => {
  const context: MarginContext = {
    market: marketAt(0.98),
    config,
    method: 'portfolio',
    pricing: { towardBankruptcyPpm: 100_000n, feePpm: 15_000n },
  };
  const state = { portfolio, margin: accountMargin(portfolio, context.market, config) };

  it('given a 1 BTC hedge at mark with a 1.5% fee (918.37 USDT), then it costs 900 USD, not 918.37', () => {
    const trial = tryCandidate(state, hedge, btc('1'), context);
    assert.ok(Math.abs(trial.costUsd - 900) < 0.01, `cost ${trial.costUsd}`);
  });

  it('then the account NLV falls from 98,000 USD (100,000 USDT) by that fee, to 97,100', () => {
    const trial = tryCandidate(state, hedge, btc('1'), context);
    assert.equal(state.margin.nlvUsd, 98_000);
    assert.ok(Math.abs(trial.after.margin.nlvUsd - 97_100) <= 0.02, `NLV ${trial.after.margin.nlvUsd}`);
  });

  it('given NLV of 98,000 USD, then net collateral is 100,000 USDT (floored at the settlement scale)', () => {
    assert.equal(netCollateralOf(state.margin, 6, 0.98), usdc('100000'));
    assert.equal(netCollateralOf(state.margin, 6, 0.97), usdc('101030.927835'));
  });

  it('given a settlement asset without a USD price, then the planner refuses to guess par', () => {
    const noUsdt: MarginContext = { ...context, market: marketOf([perpMark('BTC-PERP', 60_000)]) };
    assert.throws(() => tryCandidate(state, hedge, btc('1'), noUsdt), /USDT/);
  });
});
