import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  applyPostings,
  assertZeroSum,
  balanceOf,
  Balances,
  EMPTY_BALANCES,
  LedgerInvariantError,
  sumByAsset,
} from './balances';
import { createJournalEvent, JournalEvent } from './journal-event';
import { balancePostings, Posting } from './posting';
import { balancedPostingsArb } from './test-arbitraries';

const eventOf = (postings: Posting[], id = 'e'): JournalEvent =>
  createJournalEvent({
    id,
    type: 'FillCleared',
    account: 'A-1',
    occurredAt: '2026-01-01T00:00:00Z',
    postings: balancePostings(postings),
    payload: {},
  });

describe('applyPostings', () => {
  it('given a novated fill leg, then the trader and the CCP shard move in opposite directions', () => {
    const leg = eventOf([
      { account: 'A-1', asset: 'BTC-PERP', amount: 25_000n },
      { account: 'CCP:3', asset: 'BTC-PERP', amount: -25_000n },
      { account: 'A-1', asset: 'USDC', amount: -1_500_000n },
      { account: 'CCP:3', asset: 'USDC', amount: 1_500_000n },
    ]);
    const after = applyPostings(EMPTY_BALANCES, leg);
    assert.equal(balanceOf(after, 'A-1', 'BTC-PERP'), 25_000n);
    assert.equal(balanceOf(after, 'CCP:3', 'USDC'), 1_500_000n);
    assert.equal(EMPTY_BALANCES.size, 0, 'input untouched');
  });

  it('given balances returning to zero, then the entries disappear (canonical state)', () => {
    const there = eventOf([
      { account: 'A-1', asset: 'USDC', amount: 5n },
      { account: 'B-2', asset: 'USDC', amount: -5n },
    ]);
    const back = eventOf([
      { account: 'A-1', asset: 'USDC', amount: -5n },
      { account: 'B-2', asset: 'USDC', amount: 5n },
    ]);
    assert.equal(applyPostings(applyPostings(EMPTY_BALANCES, there), back).size, 0);
  });
});

describe('zero-sum invariant (property)', () => {
  it('given any sequence of balanced events, when folded, then every asset sums to zero', () => {
    fc.assert(
      fc.property(fc.array(balancedPostingsArb, { maxLength: 20 }), (postingSets) => {
        const balances = postingSets.map((p) => eventOf(p)).reduce(applyPostings, EMPTY_BALANCES);
        assertZeroSum(balances);
        for (const sum of sumByAsset(balances).values()) {
          assert.equal(sum, 0n);
        }
      }),
    );
  });

  it('given the same events in the same order, when folded twice, then states are equal (replay)', () => {
    fc.assert(
      fc.property(fc.array(balancedPostingsArb, { maxLength: 10 }), (postingSets) => {
        const events = postingSets.map((p) => eventOf(p));
        const snapshot = (b: Balances) => [...b].map(([account, assets]) => [account, [...assets]]);
        assert.deepEqual(
          snapshot(events.reduce(applyPostings, EMPTY_BALANCES)),
          snapshot(events.reduce(applyPostings, EMPTY_BALANCES)),
        );
      }),
    );
  });

  it('given value created from nothing, then assertZeroSum crashes loudly', () => {
    const corrupted: Balances = new Map([['A-1', new Map([['USDC', 7n]])]]);
    assert.throws(() => assertZeroSum(corrupted), LedgerInvariantError);
  });
});
