import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BTC_PERP, legsOf, shards, usdc } from './book-fixtures';

describe('deposits, withdrawals and the same fill twice', () => {
  const [ledger] = shards();
  const at = '2026-11-24T09:00:00Z';

  it('a deposit credits the account from the outside world; a withdrawal beyond the balance is refused with the reason', () => {
    ledger.handle({
      type: 'Deposit',
      commandId: 'd1',
      account: 'alice',
      occurredAt: at,
      asset: 'USDC',
      amount: usdc('100'),
    });
    const refused = ledger.handle({
      type: 'WithdrawalRequest',
      commandId: 'w1',
      account: 'alice',
      occurredAt: at,
      asset: 'USDC',
      amount: usdc('150'),
    });
    assert.equal(refused.events[0].type, 'WithdrawalRejected');
    assert.match(String(refused.events[0].payload.reason), /available 100, requested 150/);
    const approved = ledger.handle({
      type: 'WithdrawalRequest',
      commandId: 'w2',
      account: 'alice',
      occurredAt: at,
      asset: 'USDC',
      amount: usdc('60'),
    });
    assert.equal(approved.events[0].type, 'WithdrawalApproved');
    assert.equal(ledger.book('alice').balance('USDC'), usdc('40'));
    assert.equal(ledger.book('alice').sequence, 3);
  });

  it('the same fill leg twice books once; the same fill id with other content is refused as a conflict', () => {
    const [buyLeg] = legsOf({
      fillId: 'f9',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '50000',
      quantity: '1',
    });
    assert.equal(ledger.handle(buyLeg).events.length, 1);
    assert.equal(ledger.handle(buyLeg).events.length, 0);
    const conflicting = ledger.handle({ ...buyLeg, commandId: 'f9:buy:again', fillHash: 'another-hash' });
    assert.equal(conflicting.events[0].type, 'CommandRejected');
    assert.match(String(conflicting.events[0].payload.reason), /different content/);
    assert.equal(ledger.book('alice').position('BTC-PERP').quantity, 10_000n);
  });

  it('a command id is applied once ever: the same deposit re-sent is a duplicate, with another amount a conflict, also after a restore', () => {
    const deposit = {
      type: 'Deposit' as const,
      commandId: 'dep-once',
      account: 'carol',
      occurredAt: at,
      asset: 'USDC',
      amount: usdc('100'),
      commandHash: 'a'.repeat(64),
    };
    const booked = ledger.handle(deposit);
    assert.equal(booked.events.length, 1);
    assert.deepEqual(ledger.handle(deposit).refusal?.code, 'duplicate');
    const other = ledger.handle({ ...deposit, amount: usdc('900'), commandHash: 'b'.repeat(64) });
    assert.equal(other.events.length, 0);
    assert.equal(other.refusal?.code, 'conflict');
    assert.equal(ledger.book('carol').balance('USDC'), usdc('100'));

    // A writer restored from the journal knows the id and its content hash
    const [restored] = shards();
    restored.restore(booked.events[0]);
    assert.equal(restored.handle(deposit).refusal?.code, 'duplicate');
    assert.equal(restored.handle({ ...deposit, commandHash: 'c'.repeat(64) }).refusal?.code, 'conflict');
  });

  it('a refused command re-sent is not journaled twice (one event id per command)', () => {
    const envelope = { commandId: 'bad-1', account: 'carol', occurredAt: at, type: 'Deposit' };
    assert.equal(ledger.refuse(envelope, 'cannot book: unknown asset').events.length, 1);
    const again = ledger.refuse(envelope, 'cannot book: unknown asset');
    assert.equal(again.events.length, 0);
    assert.equal(again.refusal?.code, 'duplicate');
  });
});
