import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPostings, assertZeroSum, EMPTY_BALANCES } from '../balances';
import { JournalEvent } from '../journal-event';
import { BTC_CALL_60K, clear, SHARD_OF, shards, usdc } from './book-fixtures';

describe('a call option: premium paid at the trade, intrinsic value paid at expiry', () => {
  const ledgers = shards();
  const journal: JournalEvent[] = [];
  const book = (account: string) => ledgers[SHARD_OF[account]].book(account);

  it('given Alice buys 10 BTC 60,000 calls (0.1 BTC each) from Bob at 1,500 USDC', () => {
    journal.push(
      ...clear(ledgers, {
        fillId: 'o1',
        buyer: 'alice',
        seller: 'bob',
        terms: BTC_CALL_60K,
        price: '1500',
        quantity: '10',
      }),
    );
  });

  it('then the premium 10 x 0.1 x 1,500 = 1,500 USDC moved from Alice to Bob through the CCP', () => {
    assert.equal(book('alice').balance('USDC'), -usdc('1500'));
    assert.equal(book('bob').balance('USDC'), usdc('1500'));
  });

  it('when BTC settles at 63,000 at expiry, then Alice receives 10 x 0.1 x 3,000 and Bob pays it; both are flat', () => {
    for (const account of ['alice', 'bob']) {
      const outcome = ledgers[SHARD_OF[account]].handle({
        type: 'OptionExpirySettlement',
        commandId: `expiry-${account}`,
        account,
        occurredAt: '2026-12-27T08:00:00Z',
        instrument: BTC_CALL_60K.instrument,
        settlementPrice: usdc('63000'),
      });
      journal.push(...outcome.events);
    }
    assert.equal(book('alice').balance('USDC'), -usdc('1500') + usdc('3000'));
    assert.equal(book('bob').balance('USDC'), usdc('1500') - usdc('3000'));
    assert.equal(book('alice').positions.size, 0);
    assert.equal(book('bob').positions.size, 0);
    assertZeroSum(journal.reduce(applyPostings, EMPTY_BALANCES));
  });
});

describe('expiry of an instrument settles every holder in the shard, once', () => {
  it('a dated future is closed at the settlement price and its last P&L paid; an option holder gets intrinsic value', async () => {
    const { BTC_FUTURE_MAR } = await import('./book-fixtures');
    const ledgers = shards();
    clear(ledgers, {
      fillId: 'fut-1',
      buyer: 'alice',
      seller: 'carol',
      terms: BTC_FUTURE_MAR,
      price: '60000',
      quantity: '1',
    });
    clear(ledgers, {
      fillId: 'opt-1',
      buyer: 'carol',
      seller: 'alice',
      terms: BTC_CALL_60K,
      price: '100',
      quantity: '10',
    });
    const expire = (instrument: string, price: string) =>
      ledgers[0].expire({
        commandId: `exp-${instrument}`,
        instrument,
        settlementPrice: usdc(price),
        occurredAt: '2026-12-27T08:00:00Z',
      });

    const futures = expire(BTC_FUTURE_MAR.instrument, '62000');
    assert.deepEqual(
      futures.events.map((e) => [e.account, e.type]),
      [
        ['alice', 'FutureExpired'],
        ['carol', 'FutureExpired'],
      ],
    );
    // Alice: +100 premium for the calls she sold, then +2,000 on the future closed at 62,000.
    assert.equal(ledgers[0].book('alice').balance('USDC'), usdc('2100'));
    const closed = ledgers[0].book('alice').position(BTC_FUTURE_MAR.instrument);
    assert.deepEqual([closed.quantity, closed.realizedPnl], [0n, usdc('2000')], 'flat, lifetime P&L kept');
    assert.equal(ledgers[0].book('carol').position(BTC_FUTURE_MAR.instrument).quantity, 0n);

    const options = expire(BTC_CALL_60K.instrument, '61000');
    assert.equal(options.events.length, 2);
    assert.equal(
      expire(BTC_CALL_60K.instrument, '61000').events.length,
      0,
      'a repeated expiry settles nobody twice',
    );
  });
});
