import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPostings, assertZeroSum, balanceOf, EMPTY_BALANCES } from '../balances';
import { JournalEvent } from '../journal-event';
import { BTC_PERP, clear, SHARD_OF, shards, usdc } from './book-fixtures';
import { SystemAccount } from './system-accounts';

describe('a perpetual bought, partly sold at a profit: novation, realized P&L, a flat CCP', () => {
  const ledgers = shards();
  const journal: JournalEvent[] = [];
  const book = (account: string) => ledgers[SHARD_OF[account]].book(account);

  it('given Alice buys 2 BTC-PERP from Bob at 50,000 and sells 1 to Carol at 51,000 (1 USDC fee each side)', () => {
    journal.push(
      ...clear(ledgers, {
        fillId: 'f1',
        buyer: 'alice',
        seller: 'bob',
        terms: BTC_PERP,
        price: '50000',
        quantity: '2',
        fee: '1',
      }),
    );
    journal.push(
      ...clear(ledgers, {
        fillId: 'f2',
        buyer: 'carol',
        seller: 'alice',
        terms: BTC_PERP,
        price: '51000',
        quantity: '1',
        fee: '1',
      }),
    );
    assert.equal(journal.length, 4);
  });

  it('then Alice is long 1 at 50,000 having realized +1,000 USDC, paid as cash by the CCP', () => {
    const alice = book('alice').position('BTC-PERP');
    assert.equal(alice.quantity, 2n * 10_000n - 10_000n);
    assert.equal(alice.realizedPnl, usdc('1000'));
    assert.equal(book('alice').balance('USDC'), usdc('1000') - usdc('2'));
  });

  it('and Bob is short 2, Carol long 1, each only paid their fee', () => {
    assert.equal(book('bob').position('BTC-PERP').quantity, -20_000n);
    assert.equal(book('carol').position('BTC-PERP').quantity, 10_000n);
    assert.equal(book('bob').balance('USDC'), -usdc('1'));
  });

  it('and every asset sums to zero, and the CCP is flat in BTC-PERP across its shard accounts', () => {
    const balances = journal.reduce(applyPostings, EMPTY_BALANCES);
    assertZeroSum(balances);
    const ccpUnits = [0, 1].reduce(
      (sum, shard) => sum + balanceOf(balances, SystemAccount.ccp(shard), 'BTC-PERP'),
      0n,
    );
    assert.equal(ccpUnits, 0n);
    assert.equal(
      balanceOf(balances, SystemAccount.fees(0), 'USDC') + balanceOf(balances, SystemAccount.fees(1), 'USDC'),
      usdc('4'),
    );
  });

  it('and each account sees its events in sequence 1, 2, ...', () => {
    const aliceSequences = journal.filter((e) => e.account === 'alice').map((e) => e.sequence);
    assert.deepEqual(aliceSequences, [1, 2]);
  });
});
