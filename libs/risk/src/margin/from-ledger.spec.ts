import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { portfolioFromLedger } from './from-ledger';

describe('an account book as the journal writer folds it', () => {
  const perpTerms = {
    instrument: 'BTC-PERP',
    kind: 'perpetual' as const,
    settlementScale: 6,
    positionScale: 4,
    contractSize: { minor: 1n, scale: 3 }, // 0.001 BTC per contract
  };
  const book = {
    account: 'alice',
    balances: new Map([
      ['USDC', 12_345_678_901n], // 12,345.678901
      ['ETH', 1_500_000_000_000_000_001n], // 1.5 ETH and one wei
      ['BTC-PERP', 25_000n],
    ]),
    // 2.5 contracts bought at 60,000.5 and 0.5 more at 61,000: cost kept exact at scale 4 + 6 + 3.
    positions: new Map([
      [
        'BTC-PERP',
        { terms: perpTerms, quantity: 30_000n, cost: 25_000n * 60_000_500_000n + 5_000n * 61_000_000_000n },
      ],
    ]),
  };
  const portfolio = portfolioFromLedger(
    book,
    new Map([
      ['USDC', 6],
      ['ETH', 18],
    ]),
  );

  it('then balances become units once, wei included, and position-unit balances are left to the positions', () => {
    assert.deepEqual(portfolio.collateral, [
      { asset: 'USDC', units: 12_345.678901 },
      { asset: 'ETH', units: 1.5 },
    ]);
  });

  it('then the position keeps its exact cost basis: quantity x average entry x contract size', () => {
    const [perp] = portfolio.positions;
    assert.equal(perp.quantity, 3);
    assert.equal(perp.contractSize, 0.001);
    assert.ok(Math.abs(perp.costUsd - (2.5 * 60_000.5 + 0.5 * 61_000) * 0.001) < 1e-9);
  });

  it('given a balance in an asset of unknown scale, then it refuses rather than guess', () => {
    assert.throws(() => portfolioFromLedger(book, new Map([['USDC', 6]])), /ETH, which has no known scale/);
  });
});
