import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { costScale } from '@clearing/ledger';
import { minorUnitsToDecimalText } from '@clearing/persistence';
import { JournalFold } from './journal-fold';
import {
  BalanceRow,
  checkProjectedBalances,
  checkProjectedPositions,
  PositionRow,
} from './projection-checks';
import { journalRecords, sampleJournal } from './sample-journal';

/** NUMERIC(p, s) text as Postgres returns it: always `columnScale` fraction digits. */
const numeric = (minor: bigint, scale: number, columnScale: number) =>
  minorUnitsToDecimalText(minor * 10n ** BigInt(columnScale - scale), columnScale);

function foldedSample(): JournalFold {
  const fold = new JournalFold();
  for (const record of journalRecords(sampleJournal())) fold.addRecord(record.value, record);
  return fold;
}

function balanceRows(fold: JournalFold): BalanceRow[] {
  return [...fold.balances].flatMap(([account_id, assets]) =>
    [...assets].map(([asset, amount]) => ({
      account_id,
      asset,
      amount: numeric(amount, fold.codec.scaleOf(asset), 18),
    })),
  );
}

function positionRows(fold: JournalFold): PositionRow[] {
  return [...fold.books.values()].flatMap((book) =>
    [...book.positions.values()].map((held) => ({
      account_id: book.account,
      instrument: held.terms.instrument,
      quantity: numeric(held.quantity, held.terms.positionScale, 18),
      cost: numeric(held.cost, costScale(held.terms), 30),
      realized_pnl: numeric(held.realizedPnl, held.terms.settlementScale, 18),
    })),
  );
}

describe('verify, projection checks: the Postgres rows equal a fresh fold, exactly', () => {
  it('pass when the tables hold the fold (plus zero balance rows and flat position rows the upserts keep)', () => {
    const fold = foldedSample();
    const zeroBalance = { account_id: 'dave', asset: 'USDC', amount: '0.000000000000000000' };
    const flat = {
      account_id: 'dave',
      instrument: 'BTC-PERP',
      quantity: '0.000',
      cost: '0',
      realized_pnl: '12.5',
    };
    assert.equal(checkProjectedBalances(fold, [...balanceRows(fold), zeroBalance]).ok, true);
    assert.equal(checkProjectedPositions(fold, [...positionRows(fold), flat]).ok, true);
  });

  it('a balance off by one minor unit fails, naming the account and both amounts', () => {
    const fold = foldedSample();
    const rows = balanceRows(fold).map((row) =>
      row.account_id === 'carol' && row.asset === 'USDC'
        ? { ...row, amount: `${row.amount.slice(0, -13)}1${'0'.repeat(12)}` }
        : row,
    );
    const result = checkProjectedBalances(fold, rows);
    assert.equal(result.ok, false);
    assert.equal(result.problems, 1);
    assert.match(result.details[0], /^carol USDC: projection .*1, journal /);
  });

  it('a missing row, an unknown asset and a sub-minor-unit amount are each a problem', () => {
    const fold = foldedSample();
    const rows = balanceRows(fold).filter((row) => row.account_id !== 'FEES-1');
    rows.push({ account_id: 'alice', asset: 'DOGE', amount: '1.000000000000000000' });
    rows.push({ account_id: 'alice', asset: 'BTC', amount: '0.000000000100000000' });
    const result = checkProjectedBalances(fold, rows);
    assert.equal(result.problems, 3);
    assert.ok(result.details.some((d) => d.startsWith('FEES-1 USDC: projection 0, journal ')));
    assert.ok(result.details.some((d) => d.startsWith('alice DOGE: unreadable')));
    assert.ok(result.details.some((d) => d.startsWith('alice BTC: unreadable')));
  });

  it('positions: a wrong quantity, a missing row and a non-flat stray row each fail', () => {
    const fold = foldedSample();
    const rows = positionRows(fold)
      .filter((row) => !(row.account_id === 'carol' && row.instrument === 'BTC-27DEC26-60000-C'))
      .map((row) =>
        row.account_id === 'bob' && row.instrument === 'BTC-PERP' ? { ...row, quantity: '-1.0000' } : row,
      );
    rows.push({ account_id: 'dave', instrument: 'BTC-PERP', quantity: '0.5', cost: '0', realized_pnl: '0' });
    const result = checkProjectedPositions(fold, rows);
    assert.deepEqual(result.details, [
      'bob BTC-PERP: quantity projection -1, journal -2',
      'carol BTC-27DEC26-60000-C: missing in the projection (journal quantity 3)',
      'dave BTC-PERP: projection holds quantity 0.5, cost 0; the journal is flat',
    ]);
  });
});
