import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { haircutOf } from './haircut';
import { CollateralParams, StandardMarginParams } from './params';
import { positionStandardMargin } from './standard-margin';
import { CONFIG, linear, linearMark } from './spec-support';

// Deribit's linear size term: IM = base + size x 0.005% per BTC, MM = base / 2 + the same term.
const deribitFutures: StandardMarginParams = {
  ...CONFIG.underlyings.BTC.standard,
  imTiers: [{ upTo: Infinity, rate: 0.04 }],
  mmTiers: [{ upTo: Infinity, rate: 0.02 }],
  sizeRatePerUnit: 0.00005,
};
const futureOf = (btc: number) =>
  positionStandardMargin(linear('BTC-PERP', btc, 60_000), linearMark('BTC-PERP', 60_000), deribitFutures);

describe("Deribit's linear size term on top of the stepped rate", () => {
  it('given 100 BTC short at 60,000 (6,000,000 USD), then IM is 4.5% (270,000) and MM 2.5% (150,000)', () => {
    const margin = futureOf(-100);
    assert.equal(margin.imUsd, 270_000);
    assert.equal(margin.mmUsd, 150_000);
  });

  it('given 1 BTC, then the term adds only 0.005%: IM 2,403', () => {
    assert.equal(futureOf(1).imUsd, 2_403);
  });
});

// Drift: a holding of u units weighs at most 1.1 / (1 + factor x sqrt(u)); a debt at least
// 0.8 x (1 + haircut) + factor x sqrt(u).
const btc: CollateralParams = { ...CONFIG.collateral.BTC, sizeImfFactor: 0.01 };

describe("Drift's square-root size premium and discount on collateral", () => {
  it('given 10,000 BTC held, then its weight is 1.1 / (1 + 0.01 x 100) = 0.55: a 45% haircut', () => {
    const haircut = haircutOf(btc, 10_000, undefined);
    assert.ok(Math.abs(haircut.total - 0.45) < 1e-12, `total ${haircut.total}`);
    assert.ok(haircut.continuousSize > 0);
  });

  it('given 10,000 BTC owed, then its liability weight is 0.8 x 1.07 + 1 = 1.856 (the stepped haircut is 7%)', () => {
    const haircut = haircutOf(btc, -10_000, undefined);
    assert.ok(Math.abs(1 + haircut.total - 1.856) < 1e-12, `total ${haircut.total}`);
  });

  it('given 1 BTC, then the stepped haircut already covers it: no continuous term', () => {
    const haircut = haircutOf(btc, 1, undefined);
    assert.equal(haircut.continuousSize, 0);
    assert.equal(haircut.total, 0.02);
  });

  it('given the factor at its default 0, then nothing changes at any size', () => {
    assert.equal(haircutOf(CONFIG.collateral.BTC, 10_000, undefined).continuousSize, 0);
  });
});
