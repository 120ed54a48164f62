import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { valueCollateral } from './haircut';
import { positionStandardMargin } from './standard-margin';
import { CONFIG, linear, linearMark, marketOf } from './spec-support';

const params = CONFIG.underlyings.BTC.standard;
const mark = linearMark('BTC-PERP', 50_000);
const marginOfContracts = (contracts: number, openInterestUsd?: number) =>
  positionStandardMargin(linear('BTC-PERP', contracts, 50_000), { ...mark, openInterestUsd }, params);

describe('standard margin size tiers of BTC-PERP (risk limits: 16% to 1M USD, 18% to 5M, 20% to 20M, then 25%)', () => {
  it('given exactly 1,000,000 USD of notional (20 BTC), then the first tier applies', () => {
    assert.equal(marginOfContracts(20).imRate, 0.16);
    assert.equal(marginOfContracts(-20).imUsd, 160_000);
  });

  it('given one more contract (1,050,000 USD), then the whole position steps up to 18% IM and 9% MM', () => {
    const above = marginOfContracts(21);
    assert.equal(above.imRate, 0.18);
    assert.ok(Math.abs(above.mmUsd - 0.09 * 1_050_000) < 1e-6);
  });

  it('given 25,000,000 USD, then the last tier (25%) applies', () => {
    assert.equal(marginOfContracts(500).imRate, 0.25);
  });

  it('given open interest halfway between the caps (dYdX scaling), then IM is halfway from its tier to 100%', () => {
    const scaled = positionStandardMargin(
      linear('BTC-PERP', 1, 50_000),
      { ...mark, openInterestUsd: 75e6 },
      {
        ...params,
        openInterest: { lowerCapUsd: 50e6, upperCapUsd: 100e6 },
      },
    );
    assert.ok(Math.abs(scaled.imRate - (0.16 + 0.5 * 0.84)) < 1e-12);
  });
});

describe('collateral size tiers of BTC (0 to 100 BTC, +2% to 1,000, +5% beyond)', () => {
  const market = marketOf([], { BTC: 50_000 });
  const sizeHaircut = (units: number) =>
    valueCollateral('BTC', units, CONFIG.collateral.BTC, market).haircut.size;

  it('given 100 BTC, then no size add-on; given 100.5 BTC, then 2% on the whole holding', () => {
    assert.equal(sizeHaircut(100), 0);
    assert.equal(sizeHaircut(100.5), 0.02);
  });

  it('given 1,001 BTC, then 5%', () => {
    assert.equal(sizeHaircut(1_001), 0.05);
  });
});
