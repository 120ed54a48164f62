import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount, InstrumentTerms, parseAmount } from '@clearing/ledger';
import { quantityToCoverShortage } from './shortage';

const SOL_PERP: InstrumentTerms = {
  instrument: 'SOL-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  settlementScale: 6,
  positionScale: 9,
  contractSize: { minor: 1n, scale: 0 },
};

describe('Drift margin shortage: $10 short of the requirement, 10% margin ratio, oracle $100', () => {
  const base = {
    terms: SOL_PERP,
    shortage: parseAmount('10', 6),
    price: parseAmount('100', 6),
    marginRatioPpm: 100_000n,
  };

  it('given no fees, closing 1.0 unit releases 1 x $100 x 10% = $10: exactly the shortage', () => {
    const quantity = quantityToCoverShortage({ ...base, liquidationFeePpm: 0n, insuranceFeePpm: 0n });
    assert.equal(formatAmount(quantity!, 9), '1');
  });

  it('given a 2.5% fee, each unit releases only $7.50 net: 1.333333334 units (rounded up)', () => {
    const quantity = quantityToCoverShortage({ ...base, liquidationFeePpm: 25_000n, insuranceFeePpm: 0n });
    assert.equal(formatAmount(quantity!, 9), '1.333333334');
  });

  it('given fees as large as the margin ratio, no partial close helps: close all (undefined)', () => {
    const quantity = quantityToCoverShortage({
      ...base,
      liquidationFeePpm: 60_000n,
      insuranceFeePpm: 40_000n,
    });
    assert.equal(quantity, undefined);
  });
});
