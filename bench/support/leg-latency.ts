import { JournalLegs } from './journal-legs';
import { LegCommands } from './leg-commands';
import { MarginTrail } from './margin-trail';

/** The clock readings of one side of one fill, from its publication to the margin.v1 that includes it. */
export interface LegTimes {
  readonly publishedAtMs: number;
  /** The FillLeg command record's CreateTime (set by the intake at send, inside its transaction). */
  readonly novatedAtMs: number;
  /** The journal record's CreateTime (set by the writer at send, inside its transaction). */
  readonly writtenAtMs: number;
  /** margin.v1 computedAt: the margin process's clock (same host, so comparable). */
  readonly computedAtMs: number;
  readonly receivedAtMs: number;
}

export interface FillLatencies {
  readonly legs: LegTimes[];
  /** Per fill: publication until both parties' margin.v1 has been received. */
  readonly bothPartiesMs: number[];
}

/**
 * Matches each side of each fill to its journal event and then to the first margin.v1 of that account
 * whose journalSequence is at least the event's: the first published figure that includes the fill.
 * Throws when a side was never journaled or never margined (the caller waited for both), or was first
 * margined without marks (then the run measured a warm-up, not the service).
 */
export function fillLatencies(
  fillIds: readonly string[],
  publishedAtMs: readonly number[],
  journal: JournalLegs,
  trail: MarginTrail,
  commands: LegCommands,
): FillLatencies {
  const legs: LegTimes[] = [];
  const bothPartiesMs = fillIds.map((fillId, i) => {
    const sides = (['buy', 'sell'] as const).map((side) => {
      const leg = journal.of(fillId, side);
      const margin = leg && trail.firstIncluding(leg.account, leg.sequence);
      const novatedAtMs = commands.sentAt(fillId, side);
      if (!leg || !margin || novatedAtMs === undefined)
        throw new Error(`the ${side} side of ${fillId} was not journaled and margined`);
      if (!margin.priced)
        throw new Error(`the ${side} side of ${fillId} was margined unpriced: no marks yet`);
      const times: LegTimes = {
        publishedAtMs: publishedAtMs[i],
        novatedAtMs,
        writtenAtMs: leg.writtenAtMs,
        computedAtMs: margin.computedAtMs,
        receivedAtMs: margin.receivedAtMs,
      };
      legs.push(times);
      return times.receivedAtMs - times.publishedAtMs;
    });
    return Math.max(...sides);
  });
  return { legs, bothPartiesMs };
}

export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

/** Nearest-rank percentiles (a p99 is a value some sample really had). */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return {
    p50: rank(0.5),
    p90: rank(0.9),
    p99: rank(0.99),
    max: sorted[sorted.length - 1],
    count: sorted.length,
  };
}
