import { AccountBook, InstrumentTerms } from '@clearing/ledger';
import { ExactPosition, Holding } from '@clearing/liquidation';
import { AccountMargin, MarginPortfolio } from '@clearing/risk';
import { ExactMarks } from './exact-marks';
import { LedgerView } from './ledger-view';

/** One account as the engine sees it now: its book, margin, and exact positions at the exact marks. */
export interface AccountSnapshot {
  readonly account: string;
  readonly book: AccountBook;
  readonly portfolio: MarginPortfolio;
  readonly margin: AccountMargin;
  /** Open positions by instrument, each at its exact mark with its lot. */
  readonly holdings: ReadonlyMap<string, Holding>;
}

export const LOT_OF = Symbol('LOT_OF');

/** Smallest tradable quantity of an instrument, position minor units. */
export type LotOf = (terms: InstrumentTerms) => bigint;

/** Undefined when the account is unknown here or cannot be priced (no usable mark: nothing to act on). */
export function snapshotOf(
  view: LedgerView,
  marks: ExactMarks,
  lotOf: LotOf,
  account: string,
): AccountSnapshot | undefined {
  const book = view.accounts.book(account);
  const portfolio = view.portfolioOf(account);
  if (book === undefined || portfolio === undefined) return undefined;
  const priced = view.marginOf(portfolio);
  if (!('margin' in priced)) return undefined;
  const holdings = new Map<string, Holding>();
  for (const held of book.positions.values()) {
    if (held.quantity === 0n) continue;
    const markPrice = marks.priceOf(held.terms);
    if (markPrice === undefined) return undefined;
    const exact: ExactPosition = { terms: held.terms, quantity: held.quantity, markPrice };
    holdings.set(held.terms.instrument, { exact, lot: lotOf(held.terms) });
  }
  return { account, book, portfolio, margin: priced.margin, holdings };
}

/** Below maintenance by the engine's own figures: the bands margin.v1 calls liquidatable and bankrupt. */
export function belowMaintenance(margin: AccountMargin): boolean {
  return margin.health.band === 'liquidatable' || margin.health.band === 'bankrupt';
}
