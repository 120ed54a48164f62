import {
  AdlQueueV1,
  DLQ_HEADERS,
  NettingCycleSummaryV1,
  SettlementObligationV1,
  SolvencyV1,
} from '@clearing/contracts';

/** One record as the tail hands it over: Kafka coordinates, key, value bytes and headers as text. */
export interface TailRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly sourceTopic: string | null;
  readonly sourcePartition: number | null;
  readonly sourceOffset: string | null;
  readonly reason: string | null;
  readonly reasonCode: string | null;
  readonly key: string | null;
  readonly deadLetteredAt: string;
}

/** How much history the API keeps in memory; older items are on the topics (and in `clearing verify`). */
export const LIVE_LIMITS = { cycles: 2_000, obligationCycles: 2_000, deadLettersPerTopic: 1_000 } as const;

/**
 * What the API folds from the topics that have no Postgres projection: Cover 2, ADL lights, netting
 * cycles and obligations, dead letters. Pure: records in, state out, bounded memory.
 */
export class LiveState {
  solvency: SolvencyV1 | undefined;
  readonly adlLights = new Map<string, AdlQueueV1>();
  readonly cycles = new Map<string, NettingCycleSummaryV1>();
  readonly obligations = new Map<string, SettlementObligationV1[]>();
  readonly deadLetters = new Map<string, DeadLetter[]>();

  constructor(private readonly topics: { liquidations: string; settlements: string }) {}

  apply(record: TailRecord): void {
    if (record.topic.endsWith('.dlq')) return this.deadLetter(record);
    const message = parsed(record.value);
    if (message === undefined) return;
    if (record.topic === this.topics.liquidations) this.liquidation(message);
    else if (record.topic === this.topics.settlements) this.settlement(message);
  }

  private liquidation(message: { kind?: unknown }): void {
    if (message.kind === 'solvency') {
      const solvency = message as SolvencyV1;
      if (!this.solvency || solvency.asOf >= this.solvency.asOf) this.solvency = solvency;
    } else if (message.kind === 'adl-queue') {
      const light = message as AdlQueueV1;
      this.adlLights.set(`${light.account}\u0000${light.instrument}\u0000${light.side}`, light);
    }
  }

  private settlement(message: { kind?: unknown }): void {
    if (message.kind === 'cycle-summary') {
      const cycle = message as NettingCycleSummaryV1;
      bounded(this.cycles, cycle.cycleId, cycle, LIVE_LIMITS.cycles);
    } else if (message.kind === 'obligation') {
      const obligation = message as SettlementObligationV1;
      const list = this.obligations.get(obligation.cycleId) ?? [];
      list.push(obligation);
      bounded(this.obligations, obligation.cycleId, list, LIVE_LIMITS.obligationCycles);
    }
  }

  private deadLetter(record: TailRecord): void {
    const list = this.deadLetters.get(record.topic) ?? [];
    const sourcePartition = record.headers[DLQ_HEADERS.sourcePartition];
    list.push({
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      sourceTopic: record.headers[DLQ_HEADERS.sourceTopic] ?? null,
      sourcePartition: sourcePartition === undefined ? null : Number(sourcePartition),
      sourceOffset: record.headers[DLQ_HEADERS.sourceOffset] ?? null,
      reason: record.headers[DLQ_HEADERS.reason] ?? null,
      reasonCode: record.headers[DLQ_HEADERS.reasonCode] ?? null,
      key: record.key,
      deadLetteredAt: new Date(Number(record.timestamp)).toISOString(),
    });
    if (list.length > LIVE_LIMITS.deadLettersPerTopic) list.shift();
    this.deadLetters.set(record.topic, list);
  }
}

/** Insertion-ordered map capped at `limit`: re-setting a key keeps its place, a new key evicts the oldest. */
function bounded<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as string);
}

function parsed(value: Buffer | null): { kind?: unknown } | undefined {
  if (value === null) return undefined;
  try {
    const message: unknown = JSON.parse(value.toString('utf8'));
    return typeof message === 'object' && message !== null ? (message as { kind?: unknown }) : undefined;
  } catch {
    // Our own services write these topics; a record that is not JSON is not one we can show.
    return undefined;
  }
}
