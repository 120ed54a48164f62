import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { BatchConsumer, DecodeResult, LoopMetrics, projectionLoop, transformLoop } from '@clearing/kafka';
import { uniqueName } from '@clearing/testing';
import { JournalProjector } from '@clearing/persistence';
import { JournalCodec } from '@clearing/ledger';
import { CeilingTables, CeilingTopics } from './ceiling-tables';

/** As the measured aggregator runs (see aggregator-throughput.bench.ts). */
const SESSION_TIMEOUT_MS = 30_000;

/** No schema validation, no parsing: the ceiling's inputs are looked up by their bytes. */
const asText = (_topic: string, value: Buffer | null): DecodeResult<string> => ({
  ok: true,
  value: value!.toString(),
});

/** Counts what each loop committed, per input topic (reportBatch reports after the commit). */
export class CommittedCounts implements LoopMetrics {
  private readonly counts = new Map<string, number>();
  consumed = (topic: string, count: number) => void this.counts.set(topic, this.of(topic) + count);
  of = (topic: string) => this.counts.get(topic) ?? 0;
  produced = noop;
  deadLettered = noop;
  forwarded = noop;
  batchSeconds = noop;
  lag = noop;
  joined = noop;
  crashed = noop;
  halted = noop;
}
function noop(): void {}

/**
 * The aggregator's topology with identity transforms, on the libs/kafka loops the services run: fills ->
 * leg commands (transactional consume -> produce), commands -> journal (the same), journal -> Postgres
 * through the projection's own row writer (JournalProjector) with offsets in the same transaction.
 */
export function ceilingLoops(options: {
  kafka: Kafka;
  fillsTopic: string;
  topics: CeilingTopics;
  tables: CeilingTables;
  dataSource: DataSource;
  /** Consumer group of the projection, also its checkpoint and sequence-guard group in Postgres. */
  projectionGroup: string;
  counts: CommittedCounts;
}): BatchConsumer[] {
  const { kafka, fillsTopic, topics, tables, dataSource, projectionGroup, counts } = options;
  const common = { kafka, decode: asText, metrics: counts, sessionTimeoutMs: SESSION_TIMEOUT_MS };
  const projector = new JournalProjector(projectionGroup, new JournalCodec());
  return [
    transformLoop({
      ...common,
      groupId: uniqueName('bench-ceiling-intake'),
      topics: [fillsTopic],
      transform: async (batch) => batch.messages.flatMap((m) => tables.legsOf(m.value)),
    }),
    transformLoop({
      ...common,
      groupId: uniqueName('bench-ceiling-writer'),
      topics: [topics.commands],
      transform: async (batch) =>
        batch.messages.map((m) => tables.journalOf(m.value, `${m.partition}:${m.offset}`)),
    }),
    projectionLoop({
      ...common,
      groupId: projectionGroup,
      topics: [topics.journal],
      dataSource,
      project: async (batch, db) => {
        const located = batch.messages.map((m) => ({
          event: tables.eventOfRecord(m.value),
          partition: m.partition,
          offset: m.offset,
        }));
        await projector.project(db, located);
      },
    }),
  ];
}
