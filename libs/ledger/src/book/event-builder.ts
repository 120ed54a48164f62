import { formatAmount, parseAmount } from '../amount';
import { deterministicId } from '../ids';
import { createJournalEvent, EventSource, JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { balancePostings, NO_POSTINGS, Posting } from '../posting';
import { AccountBook } from './account-book';
import { Attribution } from './commands';
import { ShardFacts } from './shard-facts';

/** Where the writer is: its shard (for the system sub-accounts) and the consumed command's coordinates. */
export interface DecideContext {
  readonly shard: number;
  readonly source?: EventSource;
  /** Scale of each cash asset, to journal amounts as decimals. */
  readonly scaleOf: (asset: string) => number;
  /** Shard-wide state the account's own book does not hold (the insurance fund, registered instruments). */
  readonly facts: ShardFacts;
}

/** A cash movement from the account's point of view, tagged by cause for the netting cycle. */
export interface Cashflow {
  readonly asset: string;
  readonly kind: 'premium' | 'fee' | 'realizedPnl' | 'funding' | 'expirySettlement';
  readonly amount: bigint;
}

interface Draft {
  readonly commandId: string;
  readonly commandHash?: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly postings: readonly Posting[];
  readonly payload: JsonObject;
  readonly cashflows?: readonly Cashflow[];
  readonly attribution?: Attribution;
}

/**
 * The next event of `book`: sequence = last + 1, id derived from the command (a re-decided command gets
 * the same id), postings balanced or the build throws (an unbalanced event cannot exist).
 */
export function nextEvent(book: AccountBook, context: DecideContext, draft: Draft): JournalEvent {
  const cashflows = (draft.cashflows ?? []).filter((c) => c.amount !== 0n);
  const postings = draft.postings.filter((p) => p.amount !== 0n);
  return createJournalEvent({
    id: deterministicId(draft.commandId, draft.type),
    type: draft.type,
    account: book.account,
    sequence: book.sequence + 1,
    occurredAt: draft.occurredAt,
    ...(context.source ? { source: context.source } : {}),
    causationId: draft.commandId,
    ...(draft.commandHash === undefined ? {} : { commandHash: draft.commandHash }),
    postings: postings.length === 0 ? NO_POSTINGS : balancePostings(postings),
    payload: {
      ...draft.payload,
      ...(draft.attribution ? { attribution: { ...draft.attribution } } : {}),
      ...(cashflows.length > 0
        ? {
            cashflows: cashflows.map((c) => ({
              asset: c.asset,
              kind: c.kind,
              amount: formatAmount(c.amount, context.scaleOf(c.asset)),
            })),
          }
        : {}),
    },
  });
}

/** Two postings moving `amount` of `asset` from one account to another. */
export function transfer(from: string, to: string, asset: string, amount: bigint): Posting[] {
  return [
    { account: from, asset, amount: -amount },
    { account: to, asset, amount },
  ];
}

export function rejection(
  book: AccountBook,
  context: DecideContext,
  command: {
    commandId: string;
    commandHash?: string;
    occurredAt: string;
    type: string;
    attribution?: Attribution;
  },
  reason: string,
  type = 'CommandRejected',
): JournalEvent {
  return nextEvent(book, context, {
    commandId: command.commandId,
    commandHash: command.commandHash,
    attribution: command.attribution,
    occurredAt: command.occurredAt,
    type,
    postings: [],
    payload: { commandType: command.type, reason },
  });
}

/** The cash movements an event journaled (payload.cashflows), back as exact amounts. */
export function cashflowsOf(event: JournalEvent, scaleOf: (asset: string) => number): Cashflow[] {
  const flows = (event.payload.cashflows ?? []) as readonly {
    asset: string;
    kind: Cashflow['kind'];
    amount: string;
  }[];
  return flows.map((f) => ({
    asset: f.asset,
    kind: f.kind,
    amount: parseAmount(f.amount, scaleOf(f.asset)),
  }));
}
