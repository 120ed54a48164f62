import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountMargin } from './account-margin';
import {
  BTC_SPOT,
  CONFIG,
  linear,
  linearMark,
  marketOf,
  option,
  optionMark,
  OptionTerms,
} from './spec-support';

describe('NLV of 10,000 USDC, long 1 BTC-PERP from 50,000 (marked 60,000) and short 1 call', () => {
  const callTerms: OptionTerms = { type: 'call', strike: 70_000, days: 30, vol: 0.6, indexPrice: BTC_SPOT };
  const callMark = optionMark('BTC-30D-70000-C', callTerms);
  const market = marketOf([linearMark('BTC-PERP', BTC_SPOT), callMark]);
  const account = {
    account: 'trader',
    collateral: [{ asset: 'USDC', units: 10_000 }],
    positions: [linear('BTC-PERP', 1, 50_000), option(callMark, -1, callTerms)],
  };
  const margin = accountMargin(account, market, CONFIG);

  it('then the perp adds quantity x (mark - entry) x size = 10,000 USD and the short call is a liability', () => {
    assert.equal(margin.exact.nlv.unrealizedPnlUsd, 10_000);
    assert.equal(margin.exact.nlv.shortOptionsUsd, callMark.markPrice);
    assert.ok(Math.abs(margin.exact.nlv.nlvUsd - (20_000 - callMark.markPrice!)) < 1e-9);
  });

  it('then every published figure is in whole cents, rounded against the account', () => {
    assert.ok(margin.nlvUsd <= margin.exact.nlv.nlvUsd && margin.nlvUsd > margin.exact.nlv.nlvUsd - 0.01);
    assert.ok(margin.portfolio.imUsd >= margin.exact.portfolio.imUsd);
    assert.equal(Math.round(margin.nlvUsd * 100) / 100, margin.nlvUsd);
  });

  it('given a cap of 2,000 USD on unrealized profit (Mango), then IM sees 2,000 of the 10,000 and MM sees all', () => {
    const capped = accountMargin(account, market, {
      ...CONFIG,
      upnlCap: { maxUsd: 2_000, shareOfCollateral: 1 },
    });
    assert.ok(Math.abs(capped.exact.nlv.initialNlvUsd - (capped.exact.nlv.marginNlvUsd - 8_000)) < 1e-9);
    assert.equal(
      capped.freeCollateralUsd,
      Math.round((capped.initialNlvUsd - capped.portfolio.imUsd) * 100) / 100,
    );
  });

  it('given a profit larger than the collateral itself, then IM counts no more than the collateral (share 1)', () => {
    const thin = { ...account, collateral: [{ asset: 'USDC', units: 1_000 }] };
    const nlv = accountMargin(thin, market, CONFIG).exact.nlv;
    assert.ok(Math.abs(nlv.initialNlvUsd - (1_000 + 1_000 - callMark.markPrice!)) < 1e-9);
  });
});

describe('health bands by NLV / MM', () => {
  const market = marketOf([linearMark('BTC-PERP', BTC_SPOT)]);
  const bandWith = (usdc: number) =>
    accountMargin(
      {
        account: 'a',
        collateral: [{ asset: 'USDC', units: usdc }],
        positions: [linear('BTC-PERP', 1, BTC_SPOT)],
      },
      market,
      CONFIG,
    ).health.band;
  // One perp alone: IM 9,600, MM 7,200.
  it('then 2 x MM is healthy, 1.5 x watch, 1 x warning, below liquidatable, below zero bankrupt', () => {
    assert.equal(bandWith(14_400), 'healthy');
    assert.equal(bandWith(10_800), 'watch');
    assert.equal(bandWith(7_200), 'warning');
    assert.equal(bandWith(7_199.99), 'liquidatable');
    assert.equal(bandWith(-1), 'bankrupt');
  });
});
