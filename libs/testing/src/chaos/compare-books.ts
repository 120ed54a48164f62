import { scaleOf, StreamInstrument, unitsOf } from '../fill-stream';
import { ExpectedAccount } from './acknowledged-fold';

/** Rows of the aggregator's projection for the traders' accounts only, NUMERIC as text. */
export interface ProjectedBooks {
  readonly usdc: readonly { account_id: string; amount: string }[];
  readonly positions: readonly { account_id: string; instrument: string; quantity: string }[];
}

/**
 * Every difference between the fold of the acknowledged load and the projection of the traders' accounts
 * (system accounts are left to `clearing verify`'s zero-sum and CCP checks).
 * Lost and doubled fills, deposits and withdrawals all show as a difference here, named by account.
 */
export function compareBooks(
  expected: ReadonlyMap<string, ExpectedAccount>,
  projected: ProjectedBooks,
  instruments: readonly StreamInstrument[],
): string[] {
  const lotScale = new Map(instruments.map((i) => [i.symbol, scaleOf(i.lotSize)]));
  const usdc = new Map(projected.usdc.map((row) => [row.account_id, unitsOf(row.amount, 6)]));
  const positions = new Map(
    projected.positions
      .filter((row) => lotScale.has(row.instrument))
      .map((row) => [
        `${row.account_id} ${row.instrument}`,
        unitsOf(row.quantity, lotScale.get(row.instrument)!),
      ]),
  );
  const problems: string[] = [];
  for (const [account, book] of expected) {
    const cash = usdc.get(account) ?? 0n;
    if (cash !== book.usdcMicro)
      problems.push(`${account} USDC: projected ${cash}, expected ${book.usdcMicro} (micro-USDC)`);
    for (const { symbol } of instruments) {
      const key = `${account} ${symbol}`;
      const want = book.quantities.get(symbol) ?? 0n;
      const have = positions.get(key) ?? 0n;
      if (have !== want) problems.push(`${key}: projected ${have}, expected ${want} (lot units)`);
    }
  }
  for (const account of usdc.keys())
    if (!expected.has(account)) problems.push(`${account}: a balance no acknowledged message explains`);
  return problems;
}
