import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fundingRate } from './funding';
import { markUnderlying } from './marks';
import { DEFAULT_UNDERLYING_PARAMS } from './params';
import { at, btcConfig, feed, quote } from './spec-support';

const FUNDING = DEFAULT_UNDERLYING_PARAMS.funding; // 8 h, interest 0.01%, clamp 0.05%, IM 10%, MM 5%, cap 50%

describe('BTC-PERP funding per 8-hour period', () => {
  it('given the perp at the index, then funding is the 0.01% interest component', () => {
    assert.equal(fundingRate(65_000, 65_000, FUNDING, false).ratePerPeriod, 0.0001);
  });

  it('given a 0.03% premium, then interest minus premium is clamped to +-0.05% and funding is the premium plus it', () => {
    const funding = fundingRate(65_019.5, 65_000, FUNDING, false);
    assert.ok(Math.abs(funding.premiumIndex - 0.0003) < 1e-15);
    assert.ok(
      Math.abs(funding.ratePerPeriod - 0.0001) < 1e-15,
      'P + clamp(I - P) = I while |I - P| <= 0.05%',
    );
  });

  it('given a 1% premium, then funding is 1% - 0.05% = 0.95%', () => {
    assert.ok(Math.abs(fundingRate(65_650, 65_000, FUNDING, false).ratePerPeriod - 0.0095) < 1e-15);
  });

  it('given a 10% premium, then funding stops at half the IM-MM gap (2.5%), so one period cannot liquidate a fresh position', () => {
    assert.equal(fundingRate(71_500, 65_000, FUNDING, false).ratePerPeriod, 0.025);
    assert.equal(fundingRate(58_500, 65_000, FUNDING, false).ratePerPeriod, -0.025);
  });

  it('given an invalid index, then funding is paused at zero', () => {
    assert.deepEqual(fundingRate(65_650, 65_000, FUNDING, true).ratePerPeriod, 0);
  });
});

describe('BTC-PERP mark with a traded premium', () => {
  const index = [quote('coinbase', 65_000, 0), quote('binance', 65_000, 0)];
  const trade = (price: number, seconds: number) =>
    ({
      kind: 'market-price',
      source: 'venue-a',
      instrument: 'BTC-PERP',
      price,
      eventTimeMs: at(seconds),
      receivedAtMs: at(seconds),
    }) as const;

  it('given the perp trading 100 USD over the index, then the mark carries that premium and funding follows it', () => {
    const { state } = feed(btcConfig(), [...index, trade(65_100, 1)]);
    const [mark] = markUnderlying(state, btcConfig(), 'BTC');
    assert.equal(mark.markPrice, 65_100);
    assert.ok(mark.funding!.ratePerPeriod > 0.0001);
  });

  it('given the perp trading 5% over the index, then the mark premium is clamped at 0.5% of the index', () => {
    const { state } = feed(btcConfig(), [...index, trade(68_250, 1)]);
    assert.equal(markUnderlying(state, btcConfig(), 'BTC')[0].markPrice, 65_325);
  });

  it('given a second sample one half-life later, then the premium moves halfway towards it', () => {
    const { state } = feed(btcConfig(), [
      ...index,
      trade(65_100, 1),
      quote('coinbase', 65_000, 61),
      quote('binance', 65_000, 61),
      trade(65_200, 61),
    ]);
    assert.ok(Math.abs(state.premiums.get('BTC-PERP')!.premium - 150) < 1e-9);
  });

  it('given a trade with no valid index, then it is rejected: a premium needs a reference', () => {
    assert.deepEqual(feed(btcConfig(), [quote('coinbase', 65_000, 0), trade(65_100, 1)]).rejections, [
      'no-index',
    ]);
  });
});
