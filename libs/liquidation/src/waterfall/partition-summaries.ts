import { AdlCandidate, RankedCandidate, rankForAdl } from './adl-ranking';
import { largestTwo, StressedAccount } from './cover-two';

// With N instances each holds the accounts of its journal partitions only, but ADL ranks the opposite side
// of the WHOLE book and Cover 2 takes the two largest exposures of ALL accounts. Each owner therefore
// summarizes its partitions (bounded to what those figures need) and every instance aggregates the
// summaries of all partitions: the same input everywhere, so the same answer everywhere.

export type PositionSide = 'long' | 'short';

/** An ADL candidate of one instrument. */
export interface InstrumentCandidate extends AdlCandidate {
  readonly instrument: string;
  /** Scale of `quantity` (the instrument's position scale). */
  readonly positionScale: number;
  /** The instrument's mark (per contract, USD) the values were taken at: a reader re-values at its own. */
  readonly markPriceUsd: number;
}

export interface FundBalance {
  readonly account: string;
  readonly asset: string;
  /** Minor units of the asset. */
  readonly balance: bigint;
}

/** What one journal partition contributes to the system-wide figures. */
export interface PartitionSummary {
  readonly partition: number;
  /** Events of the partition's accounts folded: how much of the journal it reflects (grows, owner-independent). */
  readonly journalEvents: number;
  readonly asOfMs: number;
  readonly candidates: readonly InstrumentCandidate[];
  /** At most the two largest stress losses of the partition (Cover 2 over all needs no more). */
  readonly largest: readonly StressedAccount[];
  readonly funds: readonly FundBalance[];
}

const sideOf = (quantity: bigint): PositionSide => (quantity > 0n ? 'long' : 'short');

/**
 * A partition's summary from its accounts: per instrument and side only the `adlDepth` best ranked
 * candidates (ADL takes from the top of the queue), and the two largest stress losses.
 */
export function summarizePartition(
  base: Pick<PartitionSummary, 'partition' | 'journalEvents' | 'asOfMs' | 'funds'>,
  candidates: readonly InstrumentCandidate[],
  stressed: readonly StressedAccount[],
  adlDepth: number,
): PartitionSummary {
  const queues = new Map<string, InstrumentCandidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.instrument} ${sideOf(candidate.quantity)}`;
    queues.set(key, [...(queues.get(key) ?? []), candidate]);
  }
  const kept = [...queues.values()].flatMap((queue) =>
    rankForAdl(queue)
      .slice(0, adlDepth)
      .map(({ score: _score, ...candidate }) => candidate as InstrumentCandidate),
  );
  return { ...base, candidates: kept, largest: largestTwo(stressed) };
}

/**
 * A summary's candidates valued at the reader's marks: a summary is up to an interval old, and ranking its
 * positions at the marks before a crash next to the reader's own at the marks after it would put a short
 * that just made money (ranked at zero profit) behind one that made less. The position's value at the mark
 * scales with the mark; its entry value does not move, nor (to first order) its bankruptcy value.
 */
export function revalued(
  summary: PartitionSummary,
  markOf: (instrument: string) => number | undefined,
): PartitionSummary {
  const candidates = summary.candidates.map((c) => {
    const now = markOf(c.instrument);
    if (now === undefined || c.markPriceUsd === 0 || now === c.markPriceUsd) return c;
    return { ...c, markValueUsd: (c.markValueUsd * now) / c.markPriceUsd, markPriceUsd: now };
  });
  return { ...summary, candidates };
}

/** Whether `next` replaces `held`: more of the journal folded, or the same journal and a later time. */
export function isNewerSummary(held: PartitionSummary | undefined, next: PartitionSummary): boolean {
  if (held === undefined) return true;
  if (next.journalEvents !== held.journalEvents) return next.journalEvents > held.journalEvents;
  return next.asOfMs > held.asOfMs;
}

/** The system as every instance sees it: one summary per partition. */
export class SystemSummary {
  /**
   * Partitions with no summary, one older than the maximum age (their owner is gone or stuck), or one taken
   * before `freshSinceMs`: an ADL decided for a case opened then must see the book as it was then or later,
   * not a summary that predates the counterparties' positions.
   */
  readonly stalePartitions: readonly number[];

  constructor(
    private readonly summaries: readonly PartitionSummary[],
    partitionCount: number,
    nowMs: number,
    maxAgeMs: number,
    freshSinceMs = Number.NEGATIVE_INFINITY,
  ) {
    const isFresh = (s: PartitionSummary) => nowMs - s.asOfMs <= maxAgeMs && s.asOfMs >= freshSinceMs;
    const fresh = new Set(summaries.filter(isFresh).map((s) => s.partition));
    this.stalePartitions = [...Array(partitionCount).keys()].filter((p) => !fresh.has(p));
  }

  /** Every partition has a fresh summary. */
  isComplete(): boolean {
    return this.stalePartitions.length === 0;
  }

  /** The ADL queue of an instrument and side over all partitions, ranked now; `excluding` the bankrupt account. */
  adlQueue(instrument: string, side: PositionSide, excluding?: string): RankedCandidate[] {
    return rankForAdl(
      this.summaries.flatMap((s) =>
        s.candidates.filter(
          (c) => c.instrument === instrument && sideOf(c.quantity) === side && c.account !== excluding,
        ),
      ),
    );
  }

  /** Instrument and side of every queue with a candidate. */
  queues(): { instrument: string; side: PositionSide }[] {
    const keys = new Set(
      this.summaries.flatMap((s) => s.candidates.map((c) => `${c.instrument} ${sideOf(c.quantity)}`)),
    );
    return [...keys].map((key) => {
      const [instrument, side] = key.split(' ');
      return { instrument, side: side as PositionSide };
    });
  }

  /** The two largest stress losses over all partitions (each partition's two largest cover them). */
  largestStressLosses(): StressedAccount[] {
    return largestTwo(this.summaries.flatMap((s) => s.largest));
  }

  /** The insurance fund of every shard that has one. */
  funds(): FundBalance[] {
    return this.summaries.flatMap((s) => s.funds);
  }
}
