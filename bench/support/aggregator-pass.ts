import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AggregatorFixture, publishRaw, WorkerRun } from '@clearing/testing';
import { INTAKE_GROUP, PROJECTION_GROUP, WRITER_GROUP } from '@clearing/contracts';
import { AggregatorProcesses, listeningUrl, startAggregatorProcesses } from './aggregator-layout';
import { BenchBook } from '@clearing/testing';
import { CheckpointTrail } from './checkpoint-trail';
import { endOffsets, firstWriteAfter } from './first-write';
import { Percentiles } from './leg-latency';
import { PipelineRecords, readPipeline } from './pipeline-records';
import { kafkaBrokers, postgresProcesses, processTree, startCpuWindow, unionOf } from './proc-cpu';
import { MetricSamples, perTopic, scrapeMetrics, summed } from './service-metrics';
import { stageLatencies, StageSpan } from './stage-latency';

const POLL_EVERY_MS = 100;
const GIVE_UP_AFTER_MS = 15 * 60_000;
/**
 * A scrape of a live aggregator failed once mid-drain on a loaded box (load average 14, undici's "fetch
 * failed", cause not recorded), losing the whole run: failures are tolerated unless the process exited,
 * up to this many in a row, and the cause is reported.
 */
const MAX_FAILED_SCRAPES = 50;
/** A stage whose count has not moved for this long is stuck, not slow. */
const STALLED_AFTER_MS = 60_000;

/** The three loops of the aggregator, by the topic each consumes. */
export type Stage = 'intake' | 'writer' | 'projection';

export interface AggregatorMeasurement {
  /** Process spawn until its HTTP server listens: excluded from every rate. */
  bootMs: number;
  /** From the first leg command written until the last stage of interest committed everything. */
  intakeFillsPerSecond: number;
  journalFillsPerSecond: number;
  postgresFillsPerSecond: number;
  /** From the first leg command to the writer's first committed batch: mostly shard restores. */
  writerStartMs: number;
  /** Fills/s into the journal from the writer's first commit on (shard restores excluded). */
  journalSteadyFillsPerSecond: number;
  /** Per stage: seconds spent inside batches (clearing_batch_duration_seconds sum) and batch count. */
  busySeconds: Record<Stage, number>;
  batches: Record<Stage, number>;
  /** CPU seconds of the aggregator process(es) per wall second while it worked (1.0 = one core). */
  cpuCores: number;
  /**
   * CPU per fill, µs, from /proc over the same window (first poll to drained): the aggregator process,
   * the broker, every Postgres process. Broker and Postgres are shared: other work on the box counts too.
   */
  cpuMicrosPerFill: { aggregator: number; broker: number; postgres: number };
  /** Per leg, ms, from record timestamps and the projection's checkpoint (see stageLatencies). */
  stageLatencyMs: Record<StageSpan, Percentiles>;
}

/**
 * Books the deposits with a first aggregator process (not measured), loads every fill while no
 * aggregator runs, then starts a fresh process (or one per `layout` entry: aggregator-layout.ts) and
 * times how fast it drains them into the journal and into Postgres. The clock starts at the first leg
 * command it writes, so boot time is not counted.
 */
export async function measureAggregator(
  fixture: AggregatorFixture,
  book: BenchBook,
  measuredEnv: Record<string, string> = {},
  layout: readonly string[] = [],
): Promise<{ measurement: AggregatorMeasurement; records: PipelineRecords }> {
  await bookDeposits(fixture, book);
  progress(`deposits booked; loading ${book.fills.length} fills`);
  const { kafka } = fixture.kafka;
  await publishRaw(kafka, fixture.topics.fills, book.fills);
  progress('fills loaded; starting the measured aggregator');
  const commandsBefore = await endOffsets(await fixture.kafka.adminClient(), fixture.topics.ledgerCommands);
  const trail = new CheckpointTrail(
    fixture.database.dataSource,
    PROJECTION_GROUP,
    fixture.topics.ledgerJournal,
  );
  trail.start();
  const spawnedAt = Date.now();
  const processes = await startAggregatorProcesses(
    fixture,
    layout,
    { LOG_LEVEL: 'info', ...measuredEnv },
    GIVE_UP_AFTER_MS,
  );
  const listeningAt = Date.now();
  const done = await pollUntilDrained(fixture, processes, book.fills.length).catch(async (error) => {
    const logFile = path.join(os.tmpdir(), `${fixture.namespace}.aggregator.log`);
    await writeFile(logFile, processes.output());
    throw new Error(`${(error as Error).message}; the aggregator's output is in ${logFile}`);
  });
  await trail.stop();
  progress('drained; reading the time of the first leg command and every record');
  const firstLegAt = await firstWriteAfter(kafka, fixture.topics.ledgerCommands, commandsBefore);
  await assertEveryLegProjected(fixture, book.fills.length);
  await fixture.stop();
  const records = await readPipeline(kafka, fixture.topics);
  const rate = (doneAt: number) => (book.fills.length * 1000) / (doneAt - firstLegAt);
  const perFill = (seconds: number) => (seconds * 1e6) / book.fills.length;
  const measurement = {
    bootMs: listeningAt - spawnedAt,
    intakeFillsPerSecond: rate(done.intakeAt),
    journalFillsPerSecond: rate(done.journalAt),
    postgresFillsPerSecond: rate(done.postgresAt),
    writerStartMs: done.writerFirstAt - firstLegAt,
    journalSteadyFillsPerSecond: (book.fills.length * 1000) / (done.journalAt - done.writerFirstAt),
    ...stageTimes(fixture, done.last),
    cpuCores: (done.cpuSecondsAtEnd - done.cpuSecondsAtStart) / ((done.postgresAt - done.firstPollAt) / 1000),
    cpuMicrosPerFill: {
      aggregator: perFill(done.cpuSeconds.aggregator),
      broker: perFill(done.cpuSeconds.broker),
      postgres: perFill(done.cpuSeconds.postgres),
    },
    stageLatencyMs: stageLatencies(records, trail),
  };
  return { measurement, records };
}

async function bookDeposits(fixture: AggregatorFixture, book: BenchBook): Promise<void> {
  await publishRaw(fixture.kafka.kafka, fixture.topics.ledgerCommands, book.deposits);
  const baseUrl = listeningUrl((await startedRun(fixture)).output());
  progress(`booking ${book.deposits.length} deposits at ${baseUrl}`);
  for (const deadline = Date.now() + GIVE_UP_AFTER_MS; Date.now() < deadline; await sleep(POLL_EVERY_MS)) {
    const samples = await scrapeMetrics(baseUrl);
    // The journal holds each account's opening as well as its deposit.
    const booked = book.deposits.length + book.accounts.length;
    if (perTopic(samples, CONSUMED, fixture.topics.ledgerJournal) >= booked) {
      await fixture.stop();
      await untilGroupsEmpty(fixture);
      return;
    }
  }
  throw new Error('the deposits were not projected in time');
}

/**
 * A restart should find its groups empty, as after a clean shutdown; if a stopped member did not leave,
 * the broker waits out its session before the new process gets partitions, which is not throughput.
 */
async function untilGroupsEmpty(fixture: AggregatorFixture): Promise<void> {
  const admin = await fixture.kafka.adminClient();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(500)) {
    const { groups } = await admin.describeGroups([INTAKE_GROUP, WRITER_GROUP, PROJECTION_GROUP]);
    if (groups.every((g) => g.members.length === 0)) return;
  }
  throw new Error('the first aggregator left members in its consumer groups for 60 s');
}

const CONSUMED = 'clearing_messages_consumed_total';

interface Drained {
  intakeAt: number;
  journalAt: number;
  /** First poll that saw a committed writer batch: its shard restores (one per partition) are behind it. */
  writerFirstAt: number;
  postgresAt: number;
  firstPollAt: number;
  cpuSecondsAtStart: number;
  cpuSecondsAtEnd: number;
  /** From /proc, first poll to drained. */
  cpuSeconds: Record<'aggregator' | 'broker' | 'postgres', number>;
  last: MetricSamples;
}

/** Each loop's consumed counter moves after its commit, so count = expected means that stage is done. */
async function pollUntilDrained(
  fixture: AggregatorFixture,
  processes: AggregatorProcesses,
  fills: number,
): Promise<Drained> {
  const { topics } = fixture;
  const seen: Partial<Record<'intakeAt' | 'writerFirstAt' | 'journalAt' | 'postgresAt', number>> = {};
  const cpu = startCpuWindow({
    aggregator: unionOf(processes.runs.map((run) => processTree(run.child.pid!))),
    broker: kafkaBrokers,
    postgres: postgresProcesses,
  });
  const first = await processes.scrape();
  const firstPollAt = Date.now();
  let lastReportAt = firstPollAt;
  let lastTotal = -1;
  let movedAt = firstPollAt;
  let failedScrapes = 0;
  for (const deadline = Date.now() + GIVE_UP_AFTER_MS; Date.now() < deadline; await sleep(POLL_EVERY_MS)) {
    const samples = await processes.scrape().catch((error: Error) => {
      const exited = processes.runs.find(
        (run) => run.child.exitCode !== null || run.child.signalCode !== null,
      );
      if (exited)
        throw new Error(
          `an aggregator exited (code ${exited.child.exitCode}, signal ${exited.child.signalCode})`,
        );
      if (++failedScrapes > MAX_FAILED_SCRAPES) throw new Error(`${error.message}: ${String(error.cause)}`);
      progress(`metrics scrape failed (${String(error.cause ?? error.message)}); polling on`);
      return undefined;
    });
    if (!samples) continue;
    failedScrapes = 0;
    const now = Date.now();
    const total = summed(samples, CONSUMED);
    if (total !== lastTotal) [lastTotal, movedAt] = [total, now];
    if (now - movedAt > STALLED_AFTER_MS)
      throw new Error(`no loop consumed anything for ${STALLED_AFTER_MS} ms`);
    if (now - lastReportAt >= 5_000) {
      lastReportAt = now;
      const count = (topic: string) => perTopic(samples, CONSUMED, topic);
      progress(
        `consumed fills ${count(topics.fills)}, commands ${count(topics.ledgerCommands)}, journal ${count(topics.ledgerJournal)}`,
      );
    }
    if (summed(samples, 'clearing_messages_dead_lettered_total') > 0)
      throw new Error('the aggregator dead-lettered benchmark input: the book is not valid');
    if (perTopic(samples, CONSUMED, topics.fills) >= fills) seen.intakeAt ??= now;
    if (perTopic(samples, CONSUMED, topics.ledgerCommands) > 0) seen.writerFirstAt ??= now;
    if (perTopic(samples, CONSUMED, topics.ledgerCommands) >= 2 * fills) seen.journalAt ??= now;
    if (perTopic(samples, CONSUMED, topics.ledgerJournal) >= 2 * fills) {
      seen.postgresAt = now;
      const cpuSeconds = cpu();
      return {
        intakeAt: seen.intakeAt ?? now,
        journalAt: seen.journalAt ?? now,
        writerFirstAt: seen.writerFirstAt ?? now,
        postgresAt: now,
        firstPollAt,
        cpuSecondsAtStart: first.get('process_cpu_seconds_total') ?? 0,
        cpuSecondsAtEnd: samples.get('process_cpu_seconds_total') ?? 0,
        cpuSeconds,
        last: samples,
      };
    }
  }
  throw new Error(`the aggregator did not drain ${fills} fills in ${GIVE_UP_AFTER_MS} ms`);
}

function stageTimes(fixture: AggregatorFixture, samples: MetricSamples) {
  const topicOf: Record<Stage, string> = {
    intake: fixture.topics.fills,
    writer: fixture.topics.ledgerCommands,
    projection: fixture.topics.ledgerJournal,
  };
  const of = (suffix: string) =>
    Object.fromEntries(
      Object.entries(topicOf).map(([stage, topic]) => [
        stage,
        perTopic(samples, `clearing_batch_duration_seconds_${suffix}`, topic),
      ]),
    ) as Record<Stage, number>;
  return { busySeconds: of('sum'), batches: of('count') };
}

async function assertEveryLegProjected(fixture: AggregatorFixture, fills: number): Promise<void> {
  const [{ legs }] = await fixture.query<{ legs: string }>('SELECT count(*)::text AS legs FROM fill_legs');
  if (Number(legs) !== 2 * fills) throw new Error(`fill_legs holds ${legs} rows, expected ${2 * fills}`);
}

/** Starts the service (its output is read for the port it listens on). */
function startedRun(fixture: AggregatorFixture, env: Record<string, string> = {}): Promise<WorkerRun> {
  return fixture.start({ LOG_LEVEL: 'info', ...env }, GIVE_UP_AFTER_MS);
}

/** Where a long run is, on stderr, so a stall shows which step it is in. */
export function progress(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
