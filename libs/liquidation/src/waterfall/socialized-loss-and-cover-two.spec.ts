import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coverTwo } from './cover-two';
import { socializedLossFactorPpm, withdrawablePart } from './socialized-loss';

describe('socialized loss: 1,000 USDC that ADL could not cover, 100,000 USDC of claims', () => {
  const factor = socializedLossFactorPpm(1_000n, 100_000n);

  it('then every withdrawal pays 99% of what is asked', () => {
    assert.equal(factor, 990_000n);
    assert.equal(withdrawablePart(5_000n, factor), 4_950n);
  });

  it('given no loss, withdrawals are whole; given a loss as large as the claims, nothing is paid', () => {
    assert.equal(withdrawablePart(5_000n, socializedLossFactorPpm(0n, 100_000n)), 5_000n);
    assert.equal(socializedLossFactorPpm(100_000n, 100_000n), 0n);
  });

  it('rounds each payout down (1 of 3 minor units at 2/3 pays 0, never more than the pool holds)', () => {
    assert.equal(withdrawablePart(1n, socializedLossFactorPpm(1n, 3n)), 0n);
  });
});

describe('Cover 2 (PFMI principle 4): insurance fund + excess collateral vs the two largest stress losses', () => {
  const accounts = [
    { account: 'whale', stressLossUsd: 6_000_000 },
    { account: 'fund', stressLossUsd: 3_000_000 },
    { account: 'desk', stressLossUsd: 2_500_000 },
    { account: 'retail', stressLossUsd: 0 },
  ];

  it('given 5M in the fund and 4.5M of excess collateral, then 9.5M covers whale + fund (9M): ratio 1.06', () => {
    const result = coverTwo(accounts, 5_000_000, 4_500_000);
    assert.deepEqual(
      result.largest.map((a) => a.account),
      ['whale', 'fund'],
    );
    assert.equal(result.requiredUsd, 9_000_000);
    assert.ok(Math.abs(result.ratio - 9.5 / 9) < 1e-12);
    assert.equal(result.sufficient, true);
  });

  it('given only 8M of resources, then the CCP does not meet Cover 2', () => {
    assert.equal(coverTwo(accounts, 5_000_000, 3_000_000).sufficient, false);
  });
});
