import { PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ensureTopics } from '@clearing/kafka';
import { AggregatorFixture, DatabaseFixture, uniqueName } from '@clearing/testing';
import { JournalProjector, LocatedEvent } from '@clearing/persistence';
import { MIGRATIONS } from '../../migrations';
import { JournalCodec } from '@clearing/ledger';
import { progress } from './aggregator-pass';
import { CeilingTables, CeilingTopics } from './ceiling-tables';
import { firstWriteAfter } from './first-write';
import { PipelineRecords } from './pipeline-records';
import { kafkaBrokers, postgresProcesses, startCpuWindow } from './proc-cpu';
import { ceilingLoops, CommittedCounts } from './topology-ceiling';

const POLL_EVERY_MS = 50;
const GIVE_UP_AFTER_MS = 10 * 60_000;
const PREFIX_EVENTS_PER_TRANSACTION = 2_000;

export interface CeilingMeasurement {
  journalFillsPerSecond: number;
  postgresFillsPerSecond: number;
  /**
   * CPU per fill, µs: the process running the three loops, the broker, every Postgres process; and the
   * loops' process's garbage-collection pauses (that process also holds the run's records and tables).
   */
  cpuMicrosPerFill: { loops: number; loopsGc: number; broker: number; postgres: number };
}

/**
 * The same-run topology ceiling (see ceilingLoops): in this process, on the aggregator run's own fills
 * topic, with topics and a Postgres schema of its own; the schema first gets the events that preceded
 * the fills (openings, deposits), so its rows are the aggregator's. Clock from the first leg command.
 */
export async function measureCeiling(
  fixture: AggregatorFixture,
  records: PipelineRecords,
): Promise<CeilingMeasurement> {
  const fills = records.fills.size;
  const topics = {
    commands: `${fixture.namespace}.ceiling.commands`,
    journal: `${fixture.namespace}.ceiling.journal`,
  };
  await createLike(await fixture.kafka.adminClient(), fixture.topics, topics);
  const tables = new CeilingTables(records, topics);
  const database = new DatabaseFixture(MIGRATIONS);
  await database.open();
  const projectionGroup = uniqueName('bench-ceiling-projection');
  await applyPrefix(database.dataSource, projectionGroup, tables.prefix);
  const counts = new CommittedCounts();
  const { kafka } = fixture.kafka;
  const loops = ceilingLoops({
    kafka,
    fillsTopic: fixture.topics.fills,
    topics,
    tables,
    dataSource: database.dataSource,
    projectionGroup,
    counts,
  });
  progress('topology ceiling: starting its three loops');
  const cpu = startCpuWindow({
    loops: () => [process.pid],
    broker: kafkaBrokers,
    postgres: postgresProcesses,
  });
  const gcMs = gcWindow();
  try {
    await Promise.all(loops.map((loop) => loop.start()));
    const journalAt = await untilCommitted(counts, topics.commands, 2 * fills);
    const postgresAt = await untilCommitted(counts, topics.journal, 2 * fills);
    const cpuSeconds = { ...cpu(), loopsGc: gcMs() / 1000 };
    const firstLegAt = await firstWriteAfter(kafka, topics.commands, new Map());
    const perFill = (seconds: number) => (seconds * 1e6) / fills;
    return {
      journalFillsPerSecond: (fills * 1000) / (journalAt - firstLegAt),
      postgresFillsPerSecond: (fills * 1000) / (postgresAt - firstLegAt),
      cpuMicrosPerFill: {
        loops: perFill(cpuSeconds.loops),
        loopsGc: perFill(cpuSeconds.loopsGc),
        broker: perFill(cpuSeconds.broker),
        postgres: perFill(cpuSeconds.postgres),
      },
    };
  } finally {
    await Promise.allSettled(loops.map((loop) => loop.stop()));
    await database.close();
  }
}

/** Milliseconds of garbage-collection pauses in this process from now until the returned reading. */
function gcWindow(): () => number {
  let pausedMs = 0;
  const add = (entries: PerformanceEntry[]) => entries.forEach((entry) => (pausedMs += entry.duration));
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    add(observer.takeRecords());
    observer.disconnect();
    return pausedMs;
  };
}

async function createLike(
  admin: Admin,
  like: { ledgerCommands: string; ledgerJournal: string },
  topics: CeilingTopics,
): Promise<void> {
  const partitionsOf = async (topic: string) => (await admin.fetchTopicOffsets(topic)).length;
  await ensureTopics(admin, [
    { topic: topics.commands, partitions: await partitionsOf(like.ledgerCommands) },
    { topic: topics.journal, partitions: await partitionsOf(like.ledgerJournal) },
  ]);
}

/** The openings and deposits, through the same projector, before the clock: the sequence guard needs them. */
async function applyPrefix(
  dataSource: DataSource,
  group: string,
  prefix: readonly LocatedEvent[],
): Promise<void> {
  const projector = new JournalProjector(group, new JournalCodec());
  for (let from = 0; from < prefix.length; from += PREFIX_EVENTS_PER_TRANSACTION) {
    const chunk = prefix.slice(from, from + PREFIX_EVENTS_PER_TRANSACTION);
    await dataSource.transaction((db) => projector.project(db, chunk));
  }
}

async function untilCommitted(counts: CommittedCounts, topic: string, expected: number): Promise<number> {
  for (const deadline = Date.now() + GIVE_UP_AFTER_MS; Date.now() < deadline; ) {
    if (counts.of(topic) >= expected) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
  throw new Error(`the topology ceiling committed ${counts.of(topic)} of ${expected} from ${topic}`);
}
