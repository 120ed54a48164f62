import { partitionOfKey } from '@clearing/kafka';
import { SystemAccount } from '@clearing/ledger';
import {
  isNewerSummary,
  PartitionSummary,
  revalued,
  summarizePartition,
  SystemSummary,
} from '@clearing/liquidation';
import { AccountSnapshot } from './account-snapshot';
import { adlCandidatesOf, stressLossUsdOf } from './adl-candidates';
import { LedgerView } from './ledger-view';

export interface SystemRiskOptions {
  readonly partitionCount: number;
  /** Candidates per instrument and side a partition's summary carries. */
  readonly adlDepth: number;
  /** A partition whose latest summary is older has no live owner: the system view is incomplete. */
  readonly maxAgeMs: number;
  /** The journal partitions this instance owns and has restored: summarized from its own state. */
  readonly served: () => readonly number[];
  readonly snapshot: (account: string) => AccountSnapshot | undefined;
}

/**
 * The system-wide view of one instance: its own partitions summarized from its live state, every other
 * partition from the latest summary its owner published on risk.summaries.v1. The newer of two summaries
 * of a partition is the one that folded more of its journal (then the later one), so an instance that
 * lost a partition cannot overwrite what the new owner published.
 */
export class SystemRiskView {
  private readonly published = new Map<number, PartitionSummary>();
  /** The mark per contract this instance holds now (marks.v1, read whole by every instance). */
  private readonly markOf = (instrument: string) => this.view.market.view().marks.get(instrument)?.markPrice;

  constructor(
    private readonly view: LedgerView,
    private readonly options: SystemRiskOptions,
  ) {}

  get partitionCount(): number {
    return this.options.partitionCount;
  }

  /** Summaries read from the topic (any owner, any order). */
  observe(summaries: readonly PartitionSummary[]): void {
    for (const summary of summaries)
      if (isNewerSummary(this.published.get(summary.partition), summary))
        this.published.set(summary.partition, summary);
  }

  /** The summaries of the partitions this instance serves, now. */
  ownSummaries(nowMs: number): PartitionSummary[] {
    const served = this.options.served();
    const byPartition = new Map<number, AccountSnapshot[]>(served.map((p) => [p, []]));
    for (const account of this.view.accounts.accounts()) {
      const snapshots = byPartition.get(partitionOfKey(account, this.options.partitionCount));
      const snapshot = snapshots && this.options.snapshot(account);
      if (snapshot) snapshots.push(snapshot);
    }
    return served.map((partition) => this.summaryOf(partition, byPartition.get(partition)!, nowMs));
  }

  /**
   * All partitions: the own ones as they are now, the others as last published, valued at today's marks.
   * A summary taken before `freshSinceMs` (an ADL's case opening) counts as stale.
   */
  system(nowMs: number, freshSinceMs?: number): SystemSummary {
    const own = this.ownSummaries(nowMs);
    const ownPartitions = new Set(own.map((s) => s.partition));
    const others = [...this.published.values()]
      .filter((s) => !ownPartitions.has(s.partition))
      .map((s) => revalued(s, this.markOf));
    const { partitionCount, maxAgeMs } = this.options;
    return new SystemSummary([...own, ...others], partitionCount, nowMs, maxAgeMs, freshSinceMs);
  }

  private summaryOf(partition: number, snapshots: AccountSnapshot[], nowMs: number): PartitionSummary {
    const { partitionCount, adlDepth } = this.options;
    const fund = SystemAccount.insuranceFund(partition);
    return summarizePartition(
      {
        partition,
        journalEvents: this.view.eventsOf(partition, partitionCount),
        asOfMs: nowMs,
        funds: this.view.fundBalances().filter((f) => f.account === fund),
      },
      snapshots.flatMap((s) => adlCandidatesOf(s, this.markOf)),
      snapshots.map((s) => ({ account: s.account, stressLossUsd: stressLossUsdOf(s) })),
      adlDepth,
    );
  }
}
