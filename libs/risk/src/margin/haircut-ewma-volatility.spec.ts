import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ewmaVolatility, EwmaVolatility, observeIndex } from './ewma-volatility';
import { valueCollateral } from './haircut';
import { CONFIG, marketOf } from './spec-support';

const fold = (prices: readonly number[]): EwmaVolatility =>
  prices.reduce(observeIndex, ewmaVolatility(0.94, 0.0004)); // seed: 2% daily vol

describe('BTC collateral haircut as BTC volatility rises (RiskMetrics EWMA, lambda 0.94)', () => {
  const calm = fold(Array.from({ length: 60 }, (_, day) => 60_000 * (1 + 0.002 * Math.sin(day))));
  const stormy = fold(Array.from({ length: 60 }, (_, day) => 60_000 * (1 + 0.08 * Math.sin(day))));
  const haircutAfter = (volatility: EwmaVolatility) =>
    valueCollateral(
      'BTC',
      10,
      CONFIG.collateral.BTC,
      marketOf([], { BTC: 60_000 }, { volatility: new Map([['BTC', volatility]]) }),
    );

  it('given two days, then the variance is lambda x seed + (1 - lambda) x the squared log return', () => {
    const twoDays = fold([60_000, 61_200]);
    const expected = 0.94 * 0.0004 + 0.06 * Math.log(61_200 / 60_000) ** 2;
    assert.ok(Math.abs(twoDays.variance - expected) < 1e-15);
    assert.equal(twoDays.observations, 2);
  });

  it('given calm days then stormy days, then the volatility part of the haircut rises', () => {
    const calmHaircut = haircutAfter(calm).haircut;
    const stormyHaircut = haircutAfter(stormy).haircut;
    assert.ok(stormy.variance > 100 * calm.variance);
    assert.ok(stormyHaircut.volatility > calmHaircut.volatility);
    assert.equal(stormyHaircut.base, calmHaircut.base);
  });

  it('then the same 10 BTC are worth less as margin, and the same at mark', () => {
    assert.ok(haircutAfter(stormy).marginValueUsd < haircutAfter(calm).marginValueUsd);
    assert.equal(haircutAfter(stormy).valueUsd, haircutAfter(calm).valueUsd);
  });

  it('then the volatility part is 2.33 sigma over the 2-day horizon', () => {
    const { volatility } = haircutAfter(stormy).haircut;
    assert.ok(Math.abs(volatility - 2.33 * Math.sqrt(2 * stormy.variance)) < 1e-12);
  });

  it('given a violent market, then the haircut stops at its ceiling (90%)', () => {
    const crash = fold([60_000, 6_000, 60_000, 6_000, 60_000]);
    assert.equal(haircutAfter(crash).haircut.total, 0.9);
  });
});
