import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JournalEvent } from '../journal-event';
import { BTC_PERP, legsOf, scaleOf, usdc } from './book-fixtures';
import { BookCommand } from './commands';
import { ShardLedger } from './shard-ledger';
import { SystemAccount } from './system-accounts';

// Issue 12, defect 5: a loss nobody covered (fund empty, no ADL counterparty) must be borne by the
// holders of the settlement asset, through a factor on their withdrawals; before the fix the ledger
// paid every withdrawal in full, so the house paid out more cash than it had ever received.
const AT = '2026-11-25T10:00:00Z';

/**
 * Alice (1,000 USDC) sells 1 BTC-PERP to Dave (100 USDC) at 60,000; Carol holds 1,000 USDC. BTC falls
 * to 59,500: Dave is liquidated to the backstop at 59,500 (he owes 400), the backstop passes the long
 * on to Alice, who closes her short with a 500 gain. Cash deposited: 2,100; claims: 2,500.
 */
function bookAfterDavesBankruptcy(): { shard: ShardLedger; journal: JournalEvent[] } {
  const shard = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
  const journal: JournalEvent[] = [];
  const run = (command: BookCommand) => {
    const { events } = shard.handle(command);
    assert.equal(events.length, 1, `${command.commandId} decided`);
    assert.notEqual(events[0].type, 'CommandRejected', JSON.stringify(events[0].payload));
    journal.push(...events);
  };
  for (const [account, amount] of [
    ['alice', '1000'],
    ['carol', '1000'],
    ['dave', '100'],
  ] as const)
    run({
      type: 'Deposit',
      commandId: `dep-${account}`,
      account,
      occurredAt: AT,
      asset: 'USDC',
      amount: usdc(amount),
    });
  const open = { terms: BTC_PERP, price: '60000', quantity: '1' };
  legsOf({ ...open, fillId: 'f1', buyer: 'dave', seller: 'alice' }).forEach(run);
  const liquidation = {
    type: 'LiquidationTransfer' as const,
    caseId: 'case-dave-1',
    occurredAt: AT,
    instrument: 'BTC-PERP',
    quantity: 10_000n,
    price: usdc('59500'),
    fee: 0n,
  };
  run({
    ...liquidation,
    commandId: 'case-dave-1:1:0',
    account: 'dave',
    side: 'sell',
    counterpartyAccount: 'BACKSTOP',
  });
  run({
    ...liquidation,
    commandId: 'case-dave-1:1:1',
    account: 'BACKSTOP',
    side: 'buy',
    counterpartyAccount: 'dave',
    terms: BTC_PERP,
  });
  legsOf({ ...open, price: '59500', fillId: 'f2', buyer: 'alice', seller: 'BACKSTOP' }).forEach(run);
  run({
    type: 'SocializeLoss',
    commandId: 'case-dave-1:2:0',
    caseId: 'case-dave-1',
    account: 'dave',
    occurredAt: AT,
    asset: 'USDC',
    amount: usdc('400'),
  });
  return { shard, journal };
}

function withdrawAll(shard: ShardLedger, account: string): JournalEvent {
  const amount = shard.book(account).balance('USDC');
  const [event] = shard.handle({
    type: 'WithdrawalRequest',
    commandId: `wd-${account}`,
    account,
    occurredAt: AT,
    asset: 'USDC',
    amount,
  }).events;
  return event;
}

const paidOut = (event: JournalEvent) =>
  event.postings.find((p) => p.account === SystemAccount.external(0) && p.asset === 'USDC')?.amount ?? 0n;

describe('a socialized loss is borne by the holders of the settlement asset, through their withdrawals', () => {
  it('given a 400 USDC loss over 2,500 USDC of claims, when Alice withdraws her 1,500, then she is paid 84 %', () => {
    const { shard } = bookAfterDavesBankruptcy();
    const withdrawal = withdrawAll(shard, 'alice');
    assert.equal(withdrawal.type, 'WithdrawalApproved');
    assert.equal(paidOut(withdrawal), usdc('1260'), 'paid 1,500 x 2,100 / 2,500');
    assert.equal(shard.book('alice').balance('USDC'), 0n, 'her whole claim is settled');
  });

  it('given every holder withdraws everything, then the house paid out exactly the cash it received and the loss is absorbed', () => {
    const { shard } = bookAfterDavesBankruptcy();
    const paid = ['alice', 'carol'].map((account) => paidOut(withdrawAll(shard, account)));
    assert.deepEqual(paid, [usdc('1260'), usdc('840')]);
    let total = 0n;
    for (const book of shard.accounts()) total += book.balance('USDC');
    assert.equal(total, 0n, 'USDC sums to zero over every account, system ones included');
    assert.equal(shard.book(SystemAccount.external(0)).balance('USDC'), 0n, 'deposited 2,100, paid 2,100');
    assert.equal(
      shard.book(SystemAccount.socializedLoss(0)).balance('USDC'),
      0n,
      'the haircuts absorbed the loss',
    );
    assert.equal(shard.book('dave').balance('USDC'), 0n, 'the bankrupt debt was written off into the pool');
  });

  it('given the loss is absorbed, then the factor resets and the next withdrawal is paid in full', () => {
    const { shard } = bookAfterDavesBankruptcy();
    withdrawAll(shard, 'alice');
    withdrawAll(shard, 'carol');
    shard.handle({
      type: 'Deposit',
      commandId: 'dep-erin',
      account: 'erin',
      occurredAt: AT,
      asset: 'USDC',
      amount: usdc('50'),
    });
    assert.equal(paidOut(withdrawAll(shard, 'erin')), usdc('50'));
  });

  it('given cash deposited after the loss, then it is paid in full: only the claims held at the loss share it', () => {
    const { shard } = bookAfterDavesBankruptcy();
    shard.handle({
      type: 'Deposit',
      commandId: 'dep-erin',
      account: 'erin',
      occurredAt: AT,
      asset: 'USDC',
      amount: usdc('50'),
    });
    assert.equal(paidOut(withdrawAll(shard, 'erin')), usdc('50'));
    assert.equal(paidOut(withdrawAll(shard, 'carol')), usdc('840'), 'the factor did not move');
  });

  it('given the writer restored from its journal, then it pays the same factor', () => {
    const { journal } = bookAfterDavesBankruptcy();
    const restored = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
    for (const event of journal) restored.restore(event);
    assert.equal(paidOut(withdrawAll(restored, 'carol')), usdc('840'));
  });
});
