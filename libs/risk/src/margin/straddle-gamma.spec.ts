import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin } from './account-margin';
import { whatIf } from './what-if';
import { BTC_SPOT, CONFIG, marketOf, option, optionMark, OptionTerms } from './spec-support';

describe('a long 30-day at-the-money BTC straddle (1 call + 1 put at 60,000, vol 60%)', () => {
  const callTerms: OptionTerms = { type: 'call', strike: 60_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
  const putTerms: OptionTerms = { ...callTerms, type: 'put' };
  const call = optionMark('BTC-30D-60000-C', callTerms);
  const put = optionMark('BTC-30D-60000-P', putTerms);
  const market = marketOf([call, put]);
  const premiumUsd = call.markPrice! + put.markPrice!;
  const straddle = {
    account: 'straddle',
    collateral: [{ asset: 'USDC', units: 50_000 }],
    positions: [option(call, 1, callTerms), option(put, 1, putTerms)],
  };
  const margin = accountMargin(straddle, market, CONFIG);
  const btc = margin.greeks.byUnderlying.find((g) => g.underlying === 'BTC')!;

  it('then the deltas of the legs net out to nearly flat', () => {
    assert.ok(Math.abs(btc.delta) < 0.1, `delta ${btc.delta}`);
    assert.ok(Math.abs(btc.delta - (call.option!.greeks.delta + put.option!.greeks.delta)) < 1e-12);
  });

  it('then the gammas add up: twice one leg (same strike and vol), long gamma', () => {
    assert.ok(Math.abs(btc.gamma - 2 * call.option!.greeks.gamma) < 1e-15);
    assert.ok(btc.gammaUsdPerPercent > 0);
    assert.ok(Math.abs(btc.gammaUsdPerPercent - btc.gamma * BTC_SPOT * BTC_SPOT * 0.01) < 1e-9);
  });

  it('then the worst scenario loses less than the premium paid, and no short-option contingency applies', () => {
    const [underlying] = margin.exact.portfolio.byUnderlying;
    assert.ok(underlying.scenarioLossUsd > 0 && underlying.scenarioLossUsd < premiumUsd);
    assert.equal(underlying.contingencies.shortOptionUsd, 0);
    assert.equal(margin.standard.imUsd, 0);
  });

  it('when the same straddle is sold back, then gamma and vega net to zero and nothing is required', () => {
    const trades = [call, put].map((mark) => ({
      position: { instrument: mark.instrument, kind: 'option' as const, contractSize: 1, strike: 60_000 },
      quantity: -1,
      priceUsd: mark.markPrice!,
      settlementAsset: 'USDC',
    }));
    const flat = whatIf(straddle, trades, market, CONFIG);
    assert.deepEqual(flat.greeks.byUnderlying, []);
    assert.deepEqual(flat.portfolio, { imUsd: 0, mmUsd: 0 });
    assert.equal(flat.nlvUsd, margin.nlvUsd, 'selling at mark leaves the value unchanged');
  });
});
