import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BTC_PERP, clear, shards, usdc } from './book-fixtures';
import { ShardLedger } from './shard-ledger';

const at = '2026-11-24T09:00:00Z';
const attribution = { principal: 'ops-jane', keyId: 'key-7', at, via: 'api' };

function decided(
  ledger: ShardLedger,
  command: { readonly [field: string]: unknown; type: string; commandId: string },
) {
  const outcome = ledger.handle({ account: 'alice', occurredAt: at, ...command } as never);
  assert.equal(outcome.events.length, 1, `${command.commandId} was decided`);
  return outcome.events[0];
}

const deposit = (commandId: string, amount: string) => ({
  type: 'Deposit',
  commandId,
  asset: 'USDC',
  amount: usdc(amount),
});
const withdrawal = (commandId: string, amount: string) => ({
  type: 'WithdrawalRequest',
  commandId,
  asset: 'USDC',
  amount: usdc(amount),
});

describe('account lifecycle: open, suspend, close are decided by the account writer', () => {
  it('given a new account, when it is opened with attribution, then AccountOpened journals who asked and a second opening is refused', () => {
    const [ledger] = shards();
    const opened = decided(ledger, {
      type: 'OpenAccount',
      commandId: 'o1',
      marginMode: 'cross',
      attribution,
    });
    assert.equal(opened.type, 'AccountOpened');
    assert.deepEqual(opened.postings, []);
    assert.deepEqual(opened.payload, { marginMode: 'cross', attribution });
    const again = decided(ledger, { type: 'OpenAccount', commandId: 'o2', marginMode: 'cross' });
    assert.equal(again.type, 'CommandRejected');
    assert.equal(again.payload.reason, 'account alice is already open');
  });

  it('given a suspended account, then a withdrawal is refused with the reason and a deposit is still booked', () => {
    const [ledger] = shards();
    decided(ledger, { type: 'OpenAccount', commandId: 'o1', marginMode: 'cross' });
    decided(ledger, deposit('d1', '100'));
    const suspended = decided(ledger, { type: 'SuspendAccount', commandId: 's1', reason: 'KYC review' });
    assert.deepEqual([suspended.type, suspended.payload.reason], ['AccountSuspended', 'KYC review']);
    const refused = decided(ledger, withdrawal('w1', '10'));
    assert.equal(refused.type, 'WithdrawalRejected');
    assert.equal(refused.payload.reason, 'account alice is suspended: withdrawals are refused');
    assert.equal(decided(ledger, deposit('d2', '5')).type, 'CollateralDeposited');
    assert.equal(ledger.book('alice').balance('USDC'), usdc('105'));
  });
});

describe('account lifecycle: closing, and the status as a fold of the journal', () => {
  it('given an account with a position and cash, then closing is refused naming both; emptied, it closes and takes no more deposits', () => {
    const ledgers = shards();
    const [ledger] = ledgers;
    decided(ledger, { type: 'OpenAccount', commandId: 'o1', marginMode: 'cross' });
    decided(ledger, deposit('d1', '100'));
    clear(ledgers, {
      fillId: 'f1',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '50000',
      quantity: '0.001',
    });
    const refused = decided(ledger, { type: 'CloseAccount', commandId: 'c1' });
    assert.equal(refused.type, 'CommandRejected');
    assert.equal(
      refused.payload.reason,
      'account alice cannot close while it holds an open position in BTC-PERP, a balance of USDC',
    );
    clear(ledgers, {
      fillId: 'f2',
      buyer: 'bob',
      seller: 'alice',
      terms: BTC_PERP,
      price: '50000',
      quantity: '0.001',
    });
    decided(ledger, withdrawal('w1', '100'));
    assert.equal(decided(ledger, { type: 'CloseAccount', commandId: 'c2' }).type, 'AccountClosed');
    const late = decided(ledger, deposit('d2', '1'));
    assert.deepEqual([late.type, late.payload.reason], ['CommandRejected', 'account alice is closed']);
  });

  it('given an account never opened, then suspending or closing it is refused, and a system account has no lifecycle', () => {
    const [ledger] = shards();
    const suspend = decided(ledger, { type: 'SuspendAccount', commandId: 's1', reason: 'x' });
    assert.equal(suspend.payload.reason, 'account alice was never opened');
    const ccp = ledger.handle({
      type: 'OpenAccount',
      commandId: 'o-ccp',
      account: 'CCP-0',
      occurredAt: at,
      marginMode: 'cross',
    });
    assert.equal(ccp.events[0].payload.reason, 'system account CCP-0 has no lifecycle');
  });

  it('given a restored shard, then the status is a fold of the journal (replays decide the same)', () => {
    const [live] = shards();
    const journal = [
      decided(live, { type: 'OpenAccount', commandId: 'o1', marginMode: 'cross' }),
      decided(live, { type: 'SuspendAccount', commandId: 's1', reason: 'fraud' }),
    ];
    const [restored] = shards();
    journal.forEach((event) => restored.restore(event));
    assert.equal(restored.book('alice').status, 'suspended');
    assert.equal(
      decided(restored, withdrawal('w1', '1')).payload.reason,
      decided(live, withdrawal('w1', '1')).payload.reason,
    );
  });
});
