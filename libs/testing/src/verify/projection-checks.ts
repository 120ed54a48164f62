import { costScale, formatAmount, HeldPosition } from '@clearing/ledger';
import { decimalTextToMinorUnits } from '@clearing/persistence';
import { CheckResult, checkResult } from './check-result';
import { formatted } from './journal-checks';
import { JournalFold } from './journal-fold';

/** A `balances` row with NUMERIC as text (the pg driver's form; never a float). */
export interface BalanceRow {
  readonly account_id: string;
  readonly asset: string;
  readonly amount: string;
}

export interface PositionRow {
  readonly account_id: string;
  readonly instrument: string;
  readonly quantity: string;
  readonly cost: string;
  readonly realized_pnl: string;
}

/**
 * The balances table equals the fold, account by account and asset by asset, compared exactly in minor
 * units at the asset's scale. A zero row (kept by the upserts) equals an absent balance.
 */
export function checkProjectedBalances(fold: JournalFold, rows: readonly BalanceRow[]): CheckResult {
  const problems: string[] = [];
  const projected = new Map<string, bigint>();
  const unreadable = new Set<string>();
  for (const row of rows) {
    const key = `${row.account_id} ${row.asset}`;
    try {
      projected.set(key, decimalTextToMinorUnits(row.amount, fold.codec.scaleOf(row.asset)));
    } catch (error) {
      unreadable.add(key);
      problems.push(`${key}: unreadable amount ${row.amount} (${(error as Error).message})`);
    }
  }
  const folded = new Map<string, bigint>();
  for (const [account, assets] of fold.balances)
    for (const [asset, amount] of assets) folded.set(`${account} ${asset}`, amount);
  for (const key of new Set([...projected.keys(), ...folded.keys()])) {
    const [inTable, inJournal] = [projected.get(key) ?? 0n, folded.get(key) ?? 0n];
    if (inTable === inJournal || unreadable.has(key)) continue;
    const asset = key.split(' ')[1];
    problems.push(
      `${key}: projection ${formatted(fold, asset, inTable)}, journal ${formatted(fold, asset, inJournal)}`,
    );
  }
  return checkResult('projection-balances', problems);
}

/**
 * The positions table equals the books' positions: quantity, cost basis and realized P&L, each at its own
 * scale. A row the books dropped (flat, no cost) must be flat in the table too.
 */
export function checkProjectedPositions(fold: JournalFold, rows: readonly PositionRow[]): CheckResult {
  const problems: string[] = [];
  const byKey = new Map(rows.map((row) => [`${row.account_id} ${row.instrument}`, row]));
  for (const [account, book] of fold.books) {
    for (const [instrument, held] of book.positions) {
      const key = `${account} ${instrument}`;
      const row = byKey.get(key);
      byKey.delete(key);
      if (!row) problems.push(`${key}: missing in the projection (journal quantity ${quantityOf(held)})`);
      else problems.push(...positionMismatches(key, row, held));
    }
  }
  for (const [key, row] of byKey) {
    if (!isZeroDecimal(row.quantity) || !isZeroDecimal(row.cost))
      problems.push(
        `${key}: projection holds quantity ${row.quantity}, cost ${row.cost}; the journal is flat`,
      );
  }
  return checkResult('projection-positions', problems);
}

function positionMismatches(key: string, row: PositionRow, held: HeldPosition): string[] {
  const { terms } = held;
  const fields: [string, string, bigint, number][] = [
    ['quantity', row.quantity, held.quantity, terms.positionScale],
    ['cost', row.cost, held.cost, costScale(terms)],
    ['realized P&L', row.realized_pnl, held.realizedPnl, terms.settlementScale],
  ];
  return fields.flatMap(([name, text, journal, scale]) => {
    let projected: bigint;
    try {
      projected = decimalTextToMinorUnits(text, scale);
    } catch {
      return [`${key}: ${name} ${text} is not representable at scale ${scale}`];
    }
    return projected === journal
      ? []
      : [
          `${key}: ${name} projection ${formatAmount(projected, scale)}, journal ${formatAmount(journal, scale)}`,
        ];
  });
}

const quantityOf = (held: HeldPosition) => formatAmount(held.quantity, held.terms.positionScale);
const isZeroDecimal = (text: string) => /^-?0*(\.0*)?$/.test(text);
