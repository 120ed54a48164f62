import { Kafka } from 'kafkajs';
import { readTopicToEnd } from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { createDataSource, JournalProjector, migrate } from '@clearing/persistence';
import { uniqueName } from '../unique';
import { MIGRATIONS } from '../../../../migrations';
import { hashProjection, ProjectionHash } from './projection-hash';

export interface ReplayOptions {
  readonly kafka: Kafka;
  readonly topic: string;
  readonly databaseUrl: string;
  /** The schema of the live projection to compare with. */
  readonly liveSchema: string;
  readonly schemaPrefix?: string;
  /** Keep the rebuilt schema for inspection instead of dropping it. */
  readonly keep?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  readonly replaySchema: string;
  readonly events: number;
  readonly live: ProjectionHash;
  readonly replayed: ProjectionHash;
  readonly identical: boolean;
  /** The first projection table whose rows differ, when any does. */
  readonly firstDifferentTable?: string;
}

/** The consumer group the rebuild applies events under (its own per-account sequence marks). */
export const REPLAY_CONSUMER_GROUP = 'replay';

/**
 * Rebuilds the projection from journal offset 0 into a fresh, migrated schema with the aggregator's own
 * projector (one transaction per batch, as live), then hashes both schemas: the projection is a pure
 * fold of the journal, so any difference is a projection bug or a tampered row.
 */
export async function replayJournal(options: ReplayOptions): Promise<ReplayResult> {
  const replaySchema = uniqueName(options.schemaPrefix ?? 'replay');
  const dataSource = createDataSource({
    url: options.databaseUrl,
    schema: replaySchema,
    migrations: MIGRATIONS,
    poolSize: 2,
    applicationName: 'clearing-replay',
  });
  await dataSource.initialize();
  try {
    await migrate(dataSource, replaySchema);
    const codec = new JournalCodec();
    const projector = new JournalProjector(REPLAY_CONSUMER_GROUP, codec);
    let events = 0;
    await readTopicToEnd(
      options.kafka,
      options.topic,
      async (records) => {
        const located = records.map((r) => ({
          event: codec.fromWire(JSON.parse(String(r.value))),
          partition: r.partition,
          offset: r.offset,
        }));
        events += await dataSource.transaction((db) => projector.project(db, located));
      },
      { onProgress: options.onProgress },
    );
    const live = await hashProjection(dataSource, options.liveSchema);
    const replayed = await hashProjection(dataSource, replaySchema);
    const different = live.tables.find((t, i) => t.sha256 !== replayed.tables[i].sha256);
    return {
      replaySchema,
      events,
      live,
      replayed,
      identical: !different,
      firstDifferentTable: different?.table,
    };
  } finally {
    if (!options.keep) await dataSource.query(`DROP SCHEMA IF EXISTS "${replaySchema}" CASCADE`);
    await dataSource.destroy();
  }
}
