import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { accountMargin } from './account-margin';
import { haircutOf } from './haircut';
import { interUnderlyingCredits } from './inter-underlying-credit';
import { StandardMarginParams } from './params';
import { positionStandardMargin } from './standard-margin';
import { CONFIG, linear, linearMark, marketOf } from './spec-support';

// Stepped tiers, Deribit's size term and dYdX's open-interest scaling all on at once.
const params: StandardMarginParams = {
  ...CONFIG.underlyings.BTC.standard,
  sizeRatePerUnit: 0.00005,
  openInterest: { lowerCapUsd: 50_000_000, upperCapUsd: 100_000_000 },
};
const config = {
  ...CONFIG,
  underlyings: { ...CONFIG.underlyings, BTC: { ...CONFIG.underlyings.BTC, standard: params } },
};
const contracts = fc
  .integer({ min: -500_000, max: 500_000 })
  .filter((q) => q !== 0)
  .map((q) => q / 1000);
const priceUsd = fc.integer({ min: 100_000, max: 20_000_000 }).map((cents) => cents / 100);
const openInterestUsd = fc.integer({ min: 0, max: 120_000_000 });
const margined = (quantity: number, price: number, oi: number, standard = params) =>
  positionStandardMargin(
    linear('BTC-PERP', quantity, price),
    { ...linearMark('BTC-PERP', price), openInterestUsd: oi },
    standard,
  );

describe('requirement invariants', () => {
  it('given any linear position, then the published IM is its exact requirement rounded up once: whole cents, at most a cent above', () => {
    fc.assert(
      fc.property(contracts, priceUsd, openInterestUsd, (quantity, price, oi) => {
        const mark = { ...linearMark('BTC-PERP', price), openInterestUsd: oi };
        const portfolio = { account: 'A', collateral: [], positions: [linear('BTC-PERP', quantity, price)] };
        const published = BigInt(
          Math.round(accountMargin(portfolio, marketOf([mark]), config, 'standard').required.imUsd * 100),
        );
        const { n, d } = margined(quantity, price, oi).exact.imUsd;
        // published cents >= exact x 100 > published cents - 1, compared in integers.
        return published * d >= n * 100n && (published - 1n) * d < n * 100n;
      }),
    );
  });

  it('given a larger position at the same price and open interest, then IM and MM are never lower (monotone in size)', () => {
    fc.assert(
      fc.property(contracts, contracts, priceUsd, openInterestUsd, (a, b, price, oi) => {
        const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
        const [s, l] = [margined(small, price, oi), margined(large, price, oi)];
        return s.imUsd <= l.imUsd && s.mmUsd <= l.mmUsd;
      }),
    );
  });

  it('given a larger holding or debt, then its haircut (stepped tiers and the square-root term) is never lower', () => {
    const btc = { ...CONFIG.collateral.BTC, sizeImfFactor: 0.002 };
    const units = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(units, units, fc.constantFrom(1, -1), (a, b, side) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return haircutOf(btc, side * small, undefined).total <= haircutOf(btc, side * large, undefined).total;
      }),
    );
  });

  it('given any two deltas and scan losses, then a credit is never above rate x scan loss, and nothing for deltas of one sign', () => {
    const delta = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    const loss = fc.double({ min: 0, max: 1e8, noNaN: true });
    const credit = { underlyings: ['BTC', 'ETH'] as const, deltaRatio: [1, 20] as const, creditRate: 0.4 };
    fc.assert(
      fc.property(delta, delta, loss, loss, (btcDelta, ethDelta, btcLoss, ethLoss) => {
        const legs = new Map([
          ['BTC', { deltaUnits: btcDelta, scanLossUsd: btcLoss }],
          ['ETH', { deltaUnits: ethDelta, scanLossUsd: ethLoss }],
        ]);
        const credits = interUnderlyingCredits([credit], legs);
        if (Math.sign(btcDelta) * Math.sign(ethDelta) >= 0) return credits.size === 0;
        return (
          (credits.get('BTC') ?? 0) <= 0.4 * btcLoss * (1 + 1e-12) &&
          (credits.get('ETH') ?? 0) <= 0.4 * ethLoss * (1 + 1e-12)
        );
      }),
    );
  });
});

describe('exact fractions of decimal inputs', () => {
  it('given 0.1768 x 150,000, then exactly 26,520 (the float product is 26,520.000000000004)', () => {
    const margin = margined(-3, 50_000, 51_000_000, { ...params, sizeRatePerUnit: 0 });
    const { n, d } = margin.exact.imUsd;
    assert.equal(n, 26_520n * d);
  });
});
