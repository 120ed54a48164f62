import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAmount } from '../amount';
import { JournalEvent } from '../journal-event';
import { BTC_PERP, clear, SHARD_OF, shards, usdc } from './book-fixtures';
import { ShardLedger } from './shard-ledger';

const at = '2026-11-24T09:00:00Z';
const btc = (decimal: string): bigint => parseAmount(decimal, 8);
const NEEDS_APPROVAL = 'withdrawal needs a margin approval: the account carries risk';

interface Request {
  commandId: string;
  account: string;
  asset: string;
  amount: bigint;
  /** The journal sequence the margin calculator approved at; absent: no approval sent. */
  approvedAtSequence?: number;
}

function withdraw(ledgers: ShardLedger[], { approvedAtSequence, ...request }: Request): JournalEvent {
  const approval =
    approvedAtSequence === undefined
      ? {}
      : {
          marginApproval: {
            journalSequence: approvedAtSequence,
            approvedBy: 'margin-calculator',
            freeCollateralUsd: '7000',
          },
        };
  const ledger = ledgers[SHARD_OF[request.account]];
  const { events } = ledger.handle({ ...request, type: 'WithdrawalRequest', occurredAt: at, ...approval });
  return events[0];
}

function deposit(ledgers: ShardLedger[], account: string, asset: string, amount: bigint): void {
  const commandId = `deposit-${account}-${asset}`;
  ledgers[SHARD_OF[account]].handle({ type: 'Deposit', commandId, account, occurredAt: at, asset, amount });
}

/** Alice deposited 10,000 USDC and bought 1 BTC-PERP from Bob at 50,000: journal sequence 2. */
function aliceLongOnePerp(): ShardLedger[] {
  const ledgers = shards();
  deposit(ledgers, 'alice', 'USDC', usdc('10000'));
  clear(ledgers, {
    fillId: 'f1',
    buyer: 'alice',
    seller: 'bob',
    terms: BTC_PERP,
    price: '50000',
    quantity: '1',
  });
  return ledgers;
}

describe('a flat account with cash withdraws on the cash check alone', () => {
  const ledgers = shards();
  const alice = ledgers[SHARD_OF.alice].book('alice');
  deposit(ledgers, 'alice', 'USDC', usdc('10000'));

  it('given Alice holds 10,000 USDC and no position, 1,000 leaves without an approval', () => {
    assert.equal(alice.carriesRisk(), false);
    const event = withdraw(ledgers, {
      commandId: 'w1',
      account: 'alice',
      asset: 'USDC',
      amount: usdc('1000'),
    });
    assert.equal(event.type, 'WithdrawalApproved');
    assert.equal(alice.balance('USDC'), usdc('9000'));
  });

  it('but an approval she does send must be current: one rule for every caller', () => {
    const stale = {
      commandId: 'w2',
      account: 'alice',
      asset: 'USDC',
      amount: usdc('1000'),
      approvedAtSequence: 1,
    };
    const event = withdraw(ledgers, stale);
    assert.equal(event.type, 'WithdrawalRejected');
    assert.equal(
      event.payload.reason,
      'stale margin approval: approved at sequence 1, the account is at 2; re-check',
    );
    assert.equal(alice.balance('USDC'), usdc('9000'));
  });
});

describe('an account long a perpetual withdraws only with a margin approval at its current sequence', () => {
  const ledgers = aliceLongOnePerp();
  const alice = ledgers[SHARD_OF.alice].book('alice');

  it('given Alice is long 1 BTC-PERP, a withdrawal without an approval is journaled as refused, no cash moves', () => {
    const event = withdraw(ledgers, {
      commandId: 'w1',
      account: 'alice',
      asset: 'USDC',
      amount: usdc('1000'),
    });
    assert.equal(event.type, 'WithdrawalRejected');
    assert.equal(event.payload.reason, NEEDS_APPROVAL);
    assert.deepEqual(event.postings, []);
    assert.equal(alice.balance('USDC'), usdc('10000'));
  });

  it('approved at her current sequence (3), it is booked and the approval journaled for audit', () => {
    const approved = { commandId: 'w2', account: 'alice', asset: 'USDC', amount: usdc('1000') };
    const event = withdraw(ledgers, { ...approved, approvedAtSequence: 3 });
    assert.equal(event.type, 'WithdrawalApproved');
    assert.deepEqual(event.payload.marginApproval, {
      journalSequence: 3,
      approvedBy: 'margin-calculator',
      freeCollateralUsd: '7000',
    });
    assert.equal(alice.balance('USDC'), usdc('9000'));
  });

  it('an approval never overrides the cash check: more than she holds is refused', () => {
    const tooMuch = { commandId: 'w3', account: 'alice', asset: 'USDC', amount: usdc('9000.000001') };
    const event = withdraw(ledgers, { ...tooMuch, approvedAtSequence: alice.sequence });
    assert.equal(event.type, 'WithdrawalRejected');
    assert.equal(event.payload.reason, 'insufficient USDC: available 9000, requested 9000.000001');
  });
});

describe('the race: a fill booked between the approval and the withdrawal makes the approval stale', () => {
  const ledgers = aliceLongOnePerp();
  const alice = ledgers[SHARD_OF.alice].book('alice');
  const request = { account: 'alice', asset: 'USDC', amount: usdc('5000') };

  it('given the margin calculator approved 5,000 at N = 2, a second 1 BTC-PERP buy books first at N + 1', () => {
    assert.equal(alice.sequence, 2);
    clear(ledgers, {
      fillId: 'f2',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '50500',
      quantity: '1',
    });
    assert.equal(alice.sequence, 3);
    assert.equal(alice.position('BTC-PERP').quantity, parseAmount('2', BTC_PERP.positionScale));
  });

  it('then the withdrawal approved at 2 is refused as stale and the balance is unchanged', () => {
    const event = withdraw(ledgers, { ...request, commandId: 'w1', approvedAtSequence: 2 });
    assert.equal(event.type, 'WithdrawalRejected');
    assert.equal(
      event.payload.reason,
      'stale margin approval: approved at sequence 2, the account is at 3; re-check',
    );
    assert.equal(event.sequence, 4);
    assert.equal(alice.balance('USDC'), usdc('10000'));
  });

  it('and re-checked against the state with the fill (and the refusal, sequence 4), a new request books', () => {
    const event = withdraw(ledgers, { ...request, commandId: 'w2', approvedAtSequence: 4 });
    assert.equal(event.type, 'WithdrawalApproved');
    assert.equal(alice.balance('USDC'), usdc('5000'));
  });
});

describe('a flat account owing USDC after a losing round trip needs an approval to take out its BTC', () => {
  const ledgers = shards();
  const carol = ledgers[SHARD_OF.carol].book('carol');
  const request = { account: 'carol', asset: 'BTC', amount: btc('0.5') };

  it('given Carol pledged 1 BTC, bought 1 BTC-PERP at 50,000 and sold it at 49,000: flat, owing 1,000 USDC', () => {
    deposit(ledgers, 'carol', 'BTC', btc('1'));
    clear(ledgers, {
      fillId: 'f1',
      buyer: 'carol',
      seller: 'bob',
      terms: BTC_PERP,
      price: '50000',
      quantity: '1',
    });
    clear(ledgers, {
      fillId: 'f2',
      buyer: 'bob',
      seller: 'carol',
      terms: BTC_PERP,
      price: '49000',
      quantity: '1',
    });
    assert.equal(carol.position('BTC-PERP').quantity, 0n);
    assert.equal(carol.balance('USDC'), -usdc('1000'));
  });

  it('then 0.5 BTC without an approval is refused: that BTC backs her debt', () => {
    const event = withdraw(ledgers, { ...request, commandId: 'w1' });
    assert.equal(event.type, 'WithdrawalRejected');
    assert.equal(event.payload.reason, NEEDS_APPROVAL);
    assert.equal(carol.balance('BTC'), btc('1'));
  });

  it('and approved at her current sequence, the 0.5 BTC leaves', () => {
    const event = withdraw(ledgers, { ...request, commandId: 'w2', approvedAtSequence: carol.sequence });
    assert.equal(event.type, 'WithdrawalApproved');
    assert.equal(carol.balance('BTC'), btc('0.5'));
  });
});
