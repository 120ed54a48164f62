import { formatAmount, parseAmount } from '../amount';
import { deterministicId } from '../ids';
import { EventSource, JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { balanceDecidedPostings, NO_POSTINGS, Posting } from '../posting';
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
  /** Written into the payload after its members: a trade's resulting position (no second payload copy). */
  readonly position?: JsonObject;
  readonly cashflows?: readonly Cashflow[];
  readonly attribution?: Attribution;
}

/**
 * The next event of `book`: sequence = last + 1, id derived from the command (a re-decided command gets
 * the same id), postings balanced or the build throws (an unbalanced event cannot exist). Built as a
 * plain object, not through createJournalEvent: every envelope field is either made here (id, sequence,
 * type) or came from a command that passed the ledger.commands.v1 schema, whose id, account and timestamp
 * patterns are the journal's own, and the payload is a fresh object nobody else holds. Re-checking,
 * cloning and freezing each event cost a tenth of the writer's CPU (issue 15); events read back from the
 * wire still go through createJournalEvent.
 */
export function nextEvent(book: AccountBook, context: DecideContext, draft: Draft): JournalEvent {
  const postings = draft.postings.filter((p) => p.amount !== 0n);
  const cashflows = (draft.cashflows ?? []).filter((c) => c.amount !== 0n);
  const event: Mutable<JournalEvent> = {
    id: deterministicId(draft.commandId, draft.type),
    type: draft.type,
    account: book.account,
    sequence: book.sequence + 1,
    occurredAt: draft.occurredAt,
    causationId: draft.commandId,
    postings: postings.length === 0 ? NO_POSTINGS : balanceDecidedPostings(postings),
    payload: payloadOf(draft, cashflows, context),
  };
  if (context.source) event.source = context.source;
  if (draft.commandHash !== undefined) event.commandHash = draft.commandHash;
  decidedCashflows.set(event, cashflows);
  return event;
}

/**
 * The exact cash movements of the events this process decided: evolve reads them here instead of parsing
 * back the decimals it just formatted (issue 15). Weak: an event no one holds takes its entry with it.
 * Events read from the journal are not in it and are parsed, to the same values.
 */
const decidedCashflows = new WeakMap<JournalEvent, readonly Cashflow[]>();

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function payloadOf(draft: Draft, cashflows: readonly Cashflow[], context: DecideContext): JsonObject {
  const payload: { [key: string]: JsonObject[string] } = { ...draft.payload };
  if (draft.position) payload.position = draft.position;
  if (draft.attribution) payload.attribution = { ...draft.attribution };
  if (cashflows.length > 0)
    payload.cashflows = cashflows.map((c) => ({
      asset: c.asset,
      kind: c.kind,
      amount: formatAmount(c.amount, context.scaleOf(c.asset)),
    }));
  return payload;
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
export function cashflowsOf(event: JournalEvent, scaleOf: (asset: string) => number): readonly Cashflow[] {
  const decided = decidedCashflows.get(event);
  if (decided !== undefined) return decided;
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
