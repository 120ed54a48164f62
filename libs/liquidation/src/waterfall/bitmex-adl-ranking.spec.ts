import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adlLights, adlScore, allocateAdl, rankForAdl } from './adl-ranking';

describe('BitMEX ADL ranking: PNL% x effective leverage in profit, PNL% / leverage in loss', () => {
  it('given a long of 10 bought for $1,000, now worth $1,200, bankrupt at $900: 20% x 4 = 0.8', () => {
    // effective leverage = |1,200| / (1,200 - 900) = 4; PNL% = (1,200 - 1,000) / 1,000 = 20%.
    const score = adlScore({
      account: 'a',
      quantity: 10n,
      markValueUsd: 1_200,
      entryValueUsd: 1_000,
      bankruptValueUsd: 900,
    });
    assert.ok(Math.abs(score - 0.8) < 1e-12);
  });

  it('given the same long now worth $900 against an $800 bankruptcy value: -10% / 9 (losers last, leverage softens)', () => {
    const score = adlScore({
      account: 'b',
      quantity: 10n,
      markValueUsd: 900,
      entryValueUsd: 1_000,
      bankruptValueUsd: 800,
    });
    assert.ok(Math.abs(score - -0.1 / 9) < 1e-12);
  });

  it('given a short (negative values) in profit, the same formula ranks it', () => {
    // Short 10 sold for $1,000 (value -1,000), now -800, bankrupt at -1,200: PNL% 20%, leverage 800/400 = 2.
    const score = adlScore({
      account: 'c',
      quantity: -10n,
      markValueUsd: -800,
      entryValueUsd: -1_000,
      bankruptValueUsd: -1_200,
    });
    assert.ok(Math.abs(score - 0.4) < 1e-12);
  });
});

describe("BitMEX's published queue: six longs, a short of 20 liquidated at its bankruptcy price of $650", () => {
  // Fully funded longs (bankrupt value 0: leverage 1), so each score is its PNL%: BitMEX's ranks 3, 6, 1, 4, 5, 2.
  const longs = [
    { account: '1', quantity: 10n, rank: 3 },
    { account: '2', quantity: 10n, rank: 6 },
    { account: '3', quantity: 20n, rank: 1 },
    { account: '4', quantity: 30n, rank: 4 },
    { account: '5', quantity: 20n, rank: 5 },
    { account: '6', quantity: 10n, rank: 2 },
  ].map(({ account, quantity, rank }) => ({
    account,
    quantity,
    entryValueUsd: 100,
    markValueUsd: 100 * (1 + rank),
    bankruptValueUsd: 0,
  }));
  const ranked = rankForAdl(longs);

  it('then the queue is 2, 5, 4, 1, 6, 3 and the quintiles by quantity are 20%, 40%, 60%, 80%, 80%, 100%', () => {
    assert.deepEqual(
      ranked.map((c) => c.account),
      ['2', '5', '4', '1', '6', '3'],
    );
    const lights = adlLights(ranked);
    assert.deepEqual(
      ranked.map((c) => lights.get(c.account)),
      [5, 4, 3, 2, 2, 1],
    );
  });

  it('then account 2 is closed entirely (10) and account 5 gives 10 of its 20: nothing more', () => {
    const { matches, unfilled } = allocateAdl(ranked, 20n);
    assert.deepEqual(matches, [
      { account: '2', quantity: 10n },
      { account: '5', quantity: 10n },
    ]);
    assert.equal(unfilled, 0n);
  });

  it('then re-ranked at execution time, the queue follows the book as it is then', () => {
    const moved = longs.map((c) => (c.account === '3' ? { ...c, markValueUsd: 1_000 } : c));
    assert.equal(rankForAdl(moved)[0].account, '3');
  });

  it('given more to deleverage than the opposite side holds, the rest is reported unfilled', () => {
    assert.equal(allocateAdl(ranked, 150n).unfilled, 50n);
  });
});
