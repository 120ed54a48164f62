import { deterministicId } from '../ids';
import { EventSource, JournalEvent } from '../journal-event';
import { AccountBook } from './account-book';
import { Attribution, BookCommand } from './commands';
import { decide, decidedBefore, Decision } from './decide';
import { cashflowsOf, rejection } from './event-builder';
import { ClosedCycle, CyclePolicy, NettingCycles } from './netting';
import { RegisteredTerms, ShardFacts } from './shard-facts';

export interface HandleOutcome {
  /** Empty when the command was a duplicate or a conflict. */
  readonly events: JournalEvent[];
  readonly closedCycles: ClosedCycle[];
  /** Why nothing was journaled for a command decided before: the caller dead-letters it with this. */
  readonly refusal?: { readonly code: 'duplicate' | 'conflict'; readonly reason: string };
}

const NOTHING = { events: [], closedCycles: [] };

/**
 * The single writer's state for one shard (journal partition): every account book of the shard and its
 * netting cycles. `restore` replays committed journal events; `handle` decides a command and evolves.
 */
export class ShardLedger {
  private readonly books = new Map<string, AccountBook>();
  private readonly cycles: NettingCycles;
  private readonly facts: ShardFacts;

  /** `instruments`: the configured instruments, registered before any journaled RegisterInstrument. */
  constructor(
    readonly shard: number,
    policy: CyclePolicy,
    private readonly scaleOf: (asset: string) => number,
    instruments?: ReadonlyMap<string, RegisteredTerms>,
  ) {
    this.cycles = new NettingCycles(shard, policy);
    this.facts = new ShardFacts(shard, instruments);
  }

  book(account: string): AccountBook {
    let book = this.books.get(account);
    if (!book) {
      book = new AccountBook(account);
      this.books.set(account, book);
    }
    return book;
  }

  accounts(): IterableIterator<AccountBook> {
    return this.books.values();
  }

  /** Re-applies a committed event (cycles it closes were already published with it). */
  restore(event: JournalEvent): void {
    this.evolve(event);
  }

  handle(command: BookCommand, source?: EventSource): HandleOutcome {
    const decision = decide(this.book(command.account), command, {
      shard: this.shard,
      source,
      scaleOf: this.scaleOf,
      facts: this.facts,
    });
    return this.outcomeOf(command.commandId, decision);
  }

  /**
   * An instrument expired: every holder in this shard is settled at `settlementPrice` (options in cash
   * at intrinsic value, futures closed), in account order, one event each with an id derived from the
   * expiry command, so a repeated expiry finds nobody left to settle.
   */
  expire(
    expiry: { commandId: string; instrument: string; settlementPrice: bigint; occurredAt: string },
    source?: EventSource,
  ): HandleOutcome {
    const holders = [...this.books.values()]
      .filter((book) => (book.positions.get(expiry.instrument)?.quantity ?? 0n) !== 0n)
      .sort((a, b) => (a.account < b.account ? -1 : 1));
    const outcomes = holders.map((book) =>
      this.handle(
        {
          ...expiry,
          type: 'OptionExpirySettlement',
          commandId: deterministicId(expiry.commandId, book.account),
          account: book.account,
        },
        source,
      ),
    );
    return {
      events: outcomes.flatMap((o) => o.events),
      closedCycles: outcomes.flatMap((o) => o.closedCycles),
    };
  }

  /** Journals the refusal of a command that could not even be read as a book command (its reason kept). */
  refuse(
    command: {
      commandId: string;
      commandHash?: string;
      account: string;
      occurredAt: string;
      type: string;
      attribution?: Attribution;
    },
    reason: string,
    source?: EventSource,
  ): HandleOutcome {
    const book = this.book(command.account);
    const context = { shard: this.shard, source, scaleOf: this.scaleOf, facts: this.facts };
    return this.outcomeOf(
      command.commandId,
      decidedBefore(book, command) ?? { event: rejection(book, context, command, reason) },
    );
  }

  private outcomeOf(commandId: string, decision: Decision): HandleOutcome {
    if ('duplicate' in decision)
      return { ...NOTHING, refusal: { code: 'duplicate', reason: `duplicate of command ${commandId}` } };
    if ('conflict' in decision)
      return { ...NOTHING, refusal: { code: 'conflict', reason: decision.conflict } };
    return { events: [decision.event], closedCycles: this.evolve(decision.event) };
  }

  private evolve(event: JournalEvent): ClosedCycle[] {
    this.book(event.account).apply(event);
    this.facts.apply(event);
    return this.cycles.add(event, (e) => cashflowsOf(e, this.scaleOf));
  }
}
