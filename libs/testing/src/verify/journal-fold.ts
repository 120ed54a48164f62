import { AccountBook, Balances, JournalCodec, JournalEvent } from '@clearing/ledger';

/** Where a journal record sits, to name it in a report. */
export interface JournalLocation {
  readonly partition: number;
  readonly offset: string;
}

/** Buy and sell FillCleared legs seen per fill id. */
export interface LegCount {
  buy: number;
  sell: number;
}

/** A liquidation or ADL leg as the journal recorded it: its price and the band it was decided in. */
export interface TransferRecord {
  readonly id: string;
  readonly type: string;
  readonly account: string;
  readonly instrument: string;
  readonly caseId: string;
  readonly price?: string;
  readonly markPrice?: string;
  readonly bankruptcyPrice?: string;
}

const TRANSFER_EVENTS = new Set(['LiquidationExecuted', 'AutoDeleveraged']);

/**
 * A fresh fold of the whole journal, as `clearing verify` needs it: every account's balances (system
 * accounts included, since their postings ride on the traders' events), one AccountBook per account for
 * positions, the legs of every fill and every sequence or decoding anomaly, recorded instead of thrown
 * so that one report lists them all.
 */
export class JournalFold {
  /** Mutated in place: the pure `applyPostings` copies the map per event, quadratic over a journal. */
  private readonly balanceMap = new Map<string, Map<string, bigint>>();
  readonly books = new Map<string, AccountBook>();
  readonly legs = new Map<string, LegCount>();
  /** Every liquidation and ADL leg, for the price-band check. */
  readonly transfers: TransferRecord[] = [];
  readonly sequenceProblems: string[] = [];
  readonly decodeProblems: string[] = [];
  readonly duplicateIdProblems: string[] = [];
  /** Offset of the last record read per partition + 1: where a caught-up projection's checkpoint is. */
  readonly endOffsets = new Map<number, bigint>();
  /** Event id -> where it was first seen: the projection's journal index is keyed by it. */
  private readonly seenIds = new Map<string, string>();
  events = 0;

  constructor(readonly codec: JournalCodec = new JournalCodec()) {}

  get balances(): Balances {
    return this.balanceMap;
  }

  /** Decodes one journal record's value (JSON of JournalEventWire) and folds it; a bad record is noted. */
  addRecord(value: Buffer | string | null, at: JournalLocation): void {
    const next = BigInt(at.offset) + 1n;
    if (next > (this.endOffsets.get(at.partition) ?? 0n)) this.endOffsets.set(at.partition, next);
    let event: JournalEvent;
    try {
      event = this.codec.fromWire(JSON.parse(String(value)));
    } catch (error) {
      this.decodeProblems.push(`${where(at)}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.add(event, at);
  }

  add(event: JournalEvent, at: JournalLocation): void {
    this.events++;
    for (const posting of event.postings) {
      const assets = this.balanceMap.get(posting.account) ?? new Map<string, bigint>();
      const amount = (assets.get(posting.asset) ?? 0n) + posting.amount;
      if (amount === 0n) assets.delete(posting.asset);
      else assets.set(posting.asset, amount);
      if (assets.size === 0) this.balanceMap.delete(posting.account);
      else this.balanceMap.set(posting.account, assets);
    }
    this.countLeg(event);
    this.noteTransfer(event);
    this.noteId(event, at);
    this.applyToBook(event, at);
  }

  private noteId(event: JournalEvent, at: JournalLocation): void {
    const first = this.seenIds.get(event.id);
    if (first === undefined) this.seenIds.set(event.id, where(at));
    else this.duplicateIdProblems.push(`event ${event.id} at ${first} and again at ${where(at)}`);
  }

  private noteTransfer(event: JournalEvent): void {
    if (!TRANSFER_EVENTS.has(event.type)) return;
    const payload = event.payload as Partial<
      Record<'instrument' | 'caseId' | 'price' | 'markPrice' | 'bankruptcyPrice', string>
    >;
    const { instrument = '?', caseId = '?', price, markPrice, bankruptcyPrice } = payload;
    const { id, type, account } = event;
    this.transfers.push({ id, type, account, instrument, caseId, price, markPrice, bankruptcyPrice });
  }

  private countLeg(event: JournalEvent): void {
    if (event.type !== 'FillCleared') return;
    const { fillId, side } = event.payload as { fillId: string; side: 'buy' | 'sell' };
    const count = this.legs.get(fillId) ?? { buy: 0, sell: 0 };
    count[side]++;
    this.legs.set(fillId, count);
  }

  /**
   * The book accepts only the next sequence. A duplicate is reported and skipped; after a gap the book
   * resynchronises on the event so that one lost event is one problem, not one per later event.
   */
  private applyToBook(event: JournalEvent, at: JournalLocation): void {
    let book = this.books.get(event.account);
    if (!book) {
      book = new AccountBook(event.account);
      this.books.set(event.account, book);
    }
    const expected = book.sequence + 1;
    if (event.sequence === expected) {
      book.apply(event);
      return;
    }
    const kind =
      event.sequence === undefined ? 'no sequence' : event.sequence < expected ? 'duplicate' : 'gap';
    this.sequenceProblems.push(
      `${event.account}: ${kind}, expected ${expected}, got ${event.sequence ?? 'none'} (event ${event.id} at ${where(at)})`,
    );
    if (kind === 'gap') {
      book.sequence = event.sequence! - 1;
      book.apply(event);
    }
  }
}

const where = (at: JournalLocation) => `partition ${at.partition} offset ${at.offset}`;
