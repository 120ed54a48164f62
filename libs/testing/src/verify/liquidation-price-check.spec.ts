import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JournalEvent, PositionTransfer } from '@clearing/ledger';
import { BTC_PERP, clear, shards, usdc } from '../../../ledger/src/book/book-fixtures';
import { CheckResult } from './check-result';
import { journalChecks } from './journal-checks';
import { JournalFold } from './journal-fold';
import { journalRecords } from './sample-journal';

// Done-when of issue 12: `clearing verify` checks every liquidation transfer happened at a price between
// the mark and the bankruptcy price, both per underlying unit, as the journal records them with the leg.

type Band = Pick<PositionTransfer, 'markPrice' | 'bankruptcyPrice'>;

/** Alice (long 2 BTC-PERP bought at 50,000) is liquidated to the backstop at `price`, both legs. */
function liquidationJournal(price: string, band: Band): JournalEvent[] {
  const ledgers = shards();
  const opened = clear(ledgers, {
    fillId: 'f1',
    buyer: 'alice',
    seller: 'bob',
    terms: BTC_PERP,
    price: '50000',
    quantity: '2',
  });
  const leg = {
    type: 'LiquidationTransfer' as const,
    occurredAt: '2026-11-24T11:00:00Z',
    caseId: 'alice:1',
    instrument: BTC_PERP.instrument,
    quantity: 20_000n,
    price: usdc(price),
    fee: 0n,
    terms: BTC_PERP,
    ...band,
  };
  const liquidated = ledgers[0].handle({
    ...leg,
    commandId: 'alice:1:1:0',
    account: 'alice',
    side: 'sell',
    counterpartyAccount: 'BACKSTOP',
  });
  const takenOver = ledgers[0].handle({
    ...leg,
    commandId: 'alice:1:1:1',
    account: 'BACKSTOP',
    side: 'buy',
    counterpartyAccount: 'alice',
  });
  return [...opened, ...liquidated.events, ...takenOver.events];
}

function priceCheck(events: readonly JournalEvent[]): CheckResult {
  const fold = new JournalFold();
  for (const record of journalRecords(events)) fold.addRecord(record.value, record);
  const checks = journalChecks(fold);
  assert.deepEqual(
    checks.filter((c) => !c.ok && c.name !== 'liquidation-prices').map((c) => c.name),
    [],
    'the journal is otherwise sound',
  );
  return checks.find((c) => c.name === 'liquidation-prices')!;
}

const BAND: Band = { markPrice: usdc('45000'), bankruptcyPrice: usdc('40000') };

describe('verify: every liquidation transfer is priced between the mark and the bankruptcy price', () => {
  it('given a long marked at 45,000 with a bankruptcy price of 40,000, a close at 44,500 passes, both legs', () => {
    const check = priceCheck(liquidationJournal('44500', BAND));
    assert.equal(check.ok, true, check.details.join('\n'));
  });

  it('a close at the mark or at the bankruptcy price itself passes (the band is closed)', () => {
    assert.equal(priceCheck(liquidationJournal('45000', BAND)).ok, true);
    assert.equal(priceCheck(liquidationJournal('40000', BAND)).ok, true);
  });

  it('a close below the bankruptcy price fails, naming the leg and the band', () => {
    const check = priceCheck(liquidationJournal('39999.99', BAND));
    assert.equal(check.ok, false);
    assert.equal(check.problems, 2, 'the liquidated leg and the takeover leg');
    assert.match(
      check.details[0],
      /^LiquidationExecuted \S+ \(case alice:1, alice, BTC-PERP\): price 39999.99 outside the band of mark 45000 and bankruptcy 40000$/,
    );
  });

  it('a close above the mark fails: the clearinghouse never pays more than the market', () => {
    assert.equal(priceCheck(liquidationJournal('45000.01', BAND)).ok, false);
  });

  it('a short, whose bankruptcy price is above its mark, is checked the same way round', () => {
    const shortBand = { markPrice: usdc('45000'), bankruptcyPrice: usdc('47000') };
    assert.equal(priceCheck(liquidationJournal('45500', shortBand)).ok, true);
    assert.equal(priceCheck(liquidationJournal('47000.01', shortBand)).ok, false);
  });

  it('a transfer journaled without its band cannot be checked and is reported', () => {
    const check = priceCheck(liquidationJournal('44500', {}));
    assert.equal(check.ok, false);
    assert.match(check.details[0], /no price and mark journaled, cannot be checked$/);
  });
});
