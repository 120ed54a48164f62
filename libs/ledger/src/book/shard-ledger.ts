import { formatAmount } from '../amount';
import { deterministicId } from '../ids';
import { EventSource, JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { AccountBook } from './account-book';
import { Attribution, BookCommand, FundingSettlement } from './commands';
import { decide, decidedBefore, Decision } from './decide';
import { cashflowsOf, DecideContext, nextEvent, rejection } from './event-builder';
import { CLOCK_TICKED, ClosedCycle, CyclePolicy, NettingCycles } from './netting';
import { FUNDING_PERIOD_SETTLED, RegisteredTerms, ShardFacts } from './shard-facts';
import { SystemAccount } from './system-accounts';
import { unitPriceOfContractValue } from './terms';

/** A perpetual's funding period ended: every holder of the shard at `fundingTime` pays or receives. */
export type FundingPeriod = Omit<FundingSettlement, 'type' | 'account' | 'occurredAt'> & {
  readonly fundingTime: string;
};

export interface HandleOutcome {
  /** Empty when the command was a duplicate or a conflict. */
  readonly events: JournalEvent[];
  readonly closedCycles: ClosedCycle[];
  /** Why nothing was journaled for a command decided before: the caller dead-letters it with this. */
  readonly refusal?: { readonly code: 'duplicate' | 'conflict'; readonly reason: string };
}

const NOTHING = { events: [], closedCycles: [] };

/** Outcomes decided one after the other, as one (refusals of single holders are not refusals of the whole). */
function combined(outcomes: readonly HandleOutcome[]): HandleOutcome {
  return { events: outcomes.flatMap((o) => o.events), closedCycles: outcomes.flatMap((o) => o.closedCycles) };
}

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
    this.facts = new ShardFacts(shard, scaleOf, () => this.books.values(), instruments);
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

  /** Re-applies a committed event; returns the cycles it closes (already published with it, live). */
  restore(event: JournalEvent): ClosedCycle[] {
    return this.evolve(event);
  }

  handle(command: BookCommand, source?: EventSource): HandleOutcome {
    const decision = decide(this.book(command.account), command, this.contextOf(source));
    return this.outcomeOf(command.commandId, decision);
  }

  /** Whether a clock tick at `at` would close the open netting cycle. */
  cycleDueAt(at: string): boolean {
    return this.cycles.dueAt(at);
  }

  /**
   * A clock tick at `at` (RFC 3339): when the open netting cycle is due by then, one `ClockTicked` event
   * of the shard's CCP account closes it, so the tick and the close are one journal commit and a replay
   * of the journal closes the cycle at the same place. A tick that is not due (a quiet shard with an
   * empty cycle, a tick repeated after the close) journals nothing and is not a refusal.
   */
  tick(tick: { commandId: string; at: string }, source?: EventSource): HandleOutcome {
    if (!this.cycleDueAt(tick.at) || decidedBefore(this.ccpBook(), tick)) return NOTHING;
    return this.recordOnCcp(
      { commandId: tick.commandId, occurredAt: tick.at, type: CLOCK_TICKED, payload: {} },
      source,
    );
  }

  /**
   * A perpetual's funding period, decided once per shard: a FundingPeriodSettled event of the shard's CCP
   * account records it, then each account that held the instrument at `fundingTime` (and still does)
   * settles funding under an id derived from the period's command and the account. A period already
   * recorded, or older than the last one, journals nothing. The first period a shard ever sees for an
   * instrument only starts its funding clock: nobody is charged for time before the clearing house funded.
   */
  fund(period: FundingPeriod, source?: EventSource): HandleOutcome {
    const last = this.facts.lastFundingTime(period.instrument);
    const fundingMs = Date.parse(period.fundingTime);
    if (decidedBefore(this.ccpBook(), period) || (last !== undefined && Date.parse(last) >= fundingMs))
      return NOTHING;
    const { fundingTime, ...funding } = period;
    const recorded = this.recordOnCcp(
      {
        commandId: period.commandId,
        occurredAt: fundingTime,
        type: FUNDING_PERIOD_SETTLED,
        payload: {
          instrument: period.instrument,
          fundingTime,
          rate: formatAmount(period.rate.minor, period.rate.scale),
          markPrice: formatAmount(period.markPrice, this.scaleOf('USDC')),
          first: last === undefined,
        },
      },
      source,
    );
    if (last === undefined) return recorded;
    const heldAtFundingTime = (book: AccountBook) =>
      Date.parse(book.positionOpenedAt.get(period.instrument) ?? fundingTime) <= fundingMs;
    const settled = this.forEachHolder(period.instrument, source, (book) =>
      heldAtFundingTime(book)
        ? {
            ...funding,
            markPrice: unitMarkOf(book, period),
            type: 'FundingSettlement',
            commandId: deterministicId(period.commandId, book.account),
            account: book.account,
            occurredAt: fundingTime,
          }
        : undefined,
    );
    return combined([recorded, settled]);
  }

  /** A shard-wide fact that moves no money, journaled on the shard's CCP account (and folded). */
  private recordOnCcp(
    draft: { commandId: string; occurredAt: string; type: string; payload: JsonObject },
    source?: EventSource,
  ): HandleOutcome {
    const event = nextEvent(this.ccpBook(), this.contextOf(source), { ...draft, postings: [] });
    return { events: [event], closedCycles: this.evolve(event) };
  }

  private ccpBook(): AccountBook {
    return this.book(SystemAccount.ccp(this.shard));
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
    return this.forEachHolder(expiry.instrument, source, (book) => ({
      ...expiry,
      type: 'OptionExpirySettlement',
      commandId: deterministicId(expiry.commandId, book.account),
      account: book.account,
    }));
  }

  /**
   * Decides `commandOf` each holder of `instrument` in this shard, in account order; duplicates (a holder
   * settled before under the same derived id) journal nothing and are not refusals of the whole.
   */
  private forEachHolder(
    instrument: string,
    source: EventSource | undefined,
    commandOf: (book: AccountBook) => BookCommand | undefined,
  ): HandleOutcome {
    const holders = [...this.books.values()]
      .filter((book) => (book.positions.get(instrument)?.quantity ?? 0n) !== 0n)
      .sort((a, b) => (a.account < b.account ? -1 : 1));
    return combined(
      holders.flatMap((book) => {
        const command = commandOf(book);
        return command === undefined ? [] : [this.handle(command, source)];
      }),
    );
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
    return this.outcomeOf(
      command.commandId,
      decidedBefore(book, command) ?? { event: rejection(book, this.contextOf(source), command, reason) },
    );
  }

  private contextOf(source?: EventSource): DecideContext {
    return { shard: this.shard, source, scaleOf: this.scaleOf, facts: this.facts };
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

/**
 * The period's mark is the oracle's value of one contract; a FundingSettlement prices per underlying unit
 * like every ledger price (docs/contracts.md, Prices): converted with the holder's own instrument terms.
 */
function unitMarkOf(book: AccountBook, period: FundingPeriod): bigint {
  const { terms } = book.positions.get(period.instrument)!;
  return unitPriceOfContractValue(formatAmount(period.markPrice, terms.settlementScale), terms);
}
