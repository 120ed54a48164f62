import { JournalEvent } from '../journal-event';
import { Cashflow } from './event-builder';

type CashKind = Cashflow['kind'];

export interface Obligation {
  readonly account: string;
  readonly asset: string;
  /** Signed from the account's view: positive is owed to the account. */
  readonly net: bigint;
  readonly gross: bigint;
  readonly components: ReadonlyMap<CashKind, bigint>;
}

export interface ClosedCycle {
  readonly shard: number;
  readonly cycleSeq: number;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly eventCount: number;
  readonly obligations: readonly Obligation[];
  /** Per asset: sum of gross and sum of |net| over accounts. */
  readonly byAsset: ReadonlyMap<string, { gross: bigint; net: bigint }>;
}

export interface CyclePolicy {
  /** Close after this many journal events of the shard. */
  readonly maxEvents: number;
  /**
   * Close when an event's or a journaled clock tick's time is this far past the cycle's first event: the
   * tick (a `ClockTicked` event, written only when it closes a cycle) closes the cycle of a quiet shard.
   */
  readonly maxEventTimeMs?: number;
}

/** The journal event a due clock tick writes: it closes the open cycle and is not part of any cycle. */
export const CLOCK_TICKED = 'ClockTicked';

/**
 * Netting cycles of one shard, cut deterministically from the journal alone (event counts and event
 * times), so a restore that re-reads the journal lands in exactly the same open cycle.
 */
export class NettingCycles {
  private cycleSeq = 1;
  private openedAt?: string;
  private closedAt = '';
  private eventCount = 0;
  private readonly open = new Map<
    string,
    { net: bigint; gross: bigint; components: Map<CashKind, bigint> }
  >();

  constructor(
    readonly shard: number,
    private readonly policy: CyclePolicy,
  ) {}

  /** Feeds one journal event; returns the cycles it closed (the one before it by time, and/or its own). */
  add(event: JournalEvent, cashflowsOf: (event: JournalEvent) => readonly Cashflow[]): ClosedCycle[] {
    if (event.type === CLOCK_TICKED) return this.dueAt(event.occurredAt) ? [this.close(event.occurredAt)] : [];
    const closed: ClosedCycle[] = [];
    if (this.dueAt(event.occurredAt)) closed.push(this.close());
    this.openedAt ??= event.occurredAt;
    this.closedAt = event.occurredAt;
    this.eventCount += 1;
    for (const flow of cashflowsOf(event)) this.record(event.account, flow);
    if (this.eventCount >= this.policy.maxEvents) closed.push(this.close());
    return closed;
  }

  /** Whether the open cycle has events and is at least the policy's length old at `at` (RFC 3339). */
  dueAt(at: string): boolean {
    if (this.openedAt === undefined || this.policy.maxEventTimeMs === undefined) return false;
    return Date.parse(at) - Date.parse(this.openedAt) >= this.policy.maxEventTimeMs;
  }

  private record(account: string, flow: Cashflow): void {
    const key = `${account}\u0000${flow.asset}`;
    const entry = this.open.get(key) ?? { net: 0n, gross: 0n, components: new Map<CashKind, bigint>() };
    entry.net += flow.amount;
    entry.gross += flow.amount < 0n ? -flow.amount : flow.amount;
    entry.components.set(flow.kind, (entry.components.get(flow.kind) ?? 0n) + flow.amount);
    this.open.set(key, entry);
  }

  /** `tickAt`: a clock tick closing it, whose time ends the cycle when it is later than its last event. */
  private close(tickAt?: string): ClosedCycle {
    const obligations: Obligation[] = [];
    const byAsset = new Map<string, { gross: bigint; net: bigint }>();
    for (const [key, entry] of [...this.open].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [account, asset] = key.split('\u0000');
      obligations.push({ account, asset, ...entry });
      const totals = byAsset.get(asset) ?? { gross: 0n, net: 0n };
      totals.gross += entry.gross;
      totals.net += entry.net < 0n ? -entry.net : entry.net;
      byAsset.set(asset, totals);
    }
    const cycle = {
      shard: this.shard,
      cycleSeq: this.cycleSeq,
      openedAt: this.openedAt!,
      closedAt: tickAt !== undefined && Date.parse(tickAt) > Date.parse(this.closedAt) ? tickAt : this.closedAt,
      eventCount: this.eventCount,
      obligations,
      byAsset,
    };
    this.cycleSeq += 1;
    this.openedAt = undefined;
    this.eventCount = 0;
    this.open.clear();
    return cycle;
  }
}
