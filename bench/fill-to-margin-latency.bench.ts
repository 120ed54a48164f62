// Fill-to-margin latency: aggregator, valuation oracle and margin calculator as processes; a steady fill
// load as a matching engine publishes it; for each side of each fill, the time from its publication to the
// first margin.v1 of that account whose journalSequence includes it.
// Run: npm run build && node dist/bench/fill-to-margin-latency.bench.js [--accounts 2000] [--rate 200]
//      [--seconds 30] [--warmup-seconds 5] [--layout LOOPS/LOOPS/...] (the aggregator as one process per
//      group of loops, as in the throughput bench; one process running every loop by default)
import { parseArgs } from 'node:util';
import { btcQuotes, eventually, MarginFixture, publishRaw } from '@clearing/testing';
import { benchBook, BenchBook } from '@clearing/testing';
import { parseLayout, startAggregatorProcesses } from './support/aggregator-layout';
import { progress } from './support/aggregator-pass';
import { JournalLegs } from './support/journal-legs';
import { LegCommands } from './support/leg-commands';
import { fillLatencies } from './support/leg-latency';
import { printLatencyReport } from './support/latency-report';
import { MarginTrail } from './support/margin-trail';
import { perTopic, scrapeMetrics } from './support/service-metrics';
import { publishSteadily, SteadyLoad } from './support/steady-load';
import { watchTopic } from './support/topic-watch';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    'warmup-seconds': { type: 'string', default: '5' },
    layout: { type: 'string' },
  },
});
const LAYOUT = parseLayout(args.layout);
const ACCOUNTS = Number(args.accounts);
const FILLS_PER_SECOND = Number(args.rate);
const MEASURED_FILLS = FILLS_PER_SECOND * Number(args.seconds);
/** Fills before the measured ones, same rate: JIT, first batches and the marks reaching the margin engine. */
const WARMUP_FILLS = FILLS_PER_SECOND * Number(args['warmup-seconds']);
const GIVE_UP_AFTER_MS = 180_000;
/** Every fill moves a figure, so with no threshold every fill publishes (the default suppresses small moves). */
const PUBLISH_EVERY_MOVE = { MARGIN_PUBLISH_RELATIVE: '0', MARGIN_PUBLISH_ABSOLUTE_USD: '0' };

interface Watches {
  journal: JournalLegs;
  commands: LegCommands;
  margin: MarginTrail;
  btcPerpMarked: () => boolean;
  stop: () => Promise<void>;
}

async function watch(fixture: MarginFixture): Promise<Watches> {
  const { kafka } = fixture.kafka;
  const journal = new JournalLegs();
  const commands = new LegCommands();
  const margin = new MarginTrail();
  let marked = false;
  const stops = await Promise.all([
    watchTopic(kafka, fixture.topics.ledgerJournal, journal.onRecord),
    watchTopic(kafka, fixture.topics.ledgerCommands, commands.onRecord),
    watchTopic(kafka, fixture.topics.margin, margin.onRecord),
    watchTopic(kafka, fixture.topics.marks, (message) => {
      const mark = JSON.parse(message.value!.toString()) as { kind: string; instrument?: string };
      marked ||= mark.kind === 'instrument' && mark.instrument === 'BTC-PERP';
    }),
  ]);
  return {
    journal,
    commands,
    margin,
    btcPerpMarked: () => marked,
    stop: async () => void (await Promise.all(stops.map((s) => s()))),
  };
}

/** BTC quotes and a deposit per account; resolves once BTC-PERP is marked and every account is margined. */
async function prime(fixture: MarginFixture, book: BenchBook, watches: Watches): Promise<void> {
  const { kafka } = fixture.kafka;
  await publishRaw(kafka, fixture.topics.oraclePrices, btcQuotes('60000', new Date().toISOString()));
  await publishRaw(kafka, fixture.topics.ledgerCommands, book.deposits);
  await eventually(
    async () =>
      // Sequence 1 is each account's opening, 2 its deposit.
      watches.btcPerpMarked() && book.accounts.every((a) => watches.margin.latestSequence(a) >= 2)
        ? true
        : undefined,
    120_000,
    250,
  );
}

/** Until every journaled fill side is in a margin.v1 message of its account. */
async function untilMargined(watches: Watches, legs: number): Promise<void> {
  const done = () =>
    watches.journal.size >= legs &&
    [...watches.journal.all()].every((leg) => watches.margin.latestSequence(leg.account) >= leg.sequence);
  await eventually(async () => (done() ? true : undefined), GIVE_UP_AFTER_MS, 100).catch(() => {
    throw new Error(
      `after ${GIVE_UP_AFTER_MS} ms: ${watches.journal.size} of ${legs} fill sides journaled, not all margined`,
    );
  });
}

async function publishLoad(fixture: MarginFixture, book: BenchBook): Promise<SteadyLoad> {
  const producer = fixture.kafka.kafka.producer();
  await producer.connect();
  try {
    return await publishSteadily(producer, fixture.topics.fills, book.fills, FILLS_PER_SECOND);
  } finally {
    await producer.disconnect();
  }
}

async function measure(fixture: MarginFixture, book: BenchBook, watches: Watches): Promise<void> {
  const journalTopic = fixture.topics.ledgerJournal;
  const before = await scrapeMetrics(fixture.marginUrl);
  const tallyBefore = watches.margin.tally();
  progress(`publishing ${book.fills.length} fills at ${FILLS_PER_SECOND}/s (${WARMUP_FILLS} of warm-up)`);
  const load = await publishLoad(fixture, book);
  progress('published; waiting for every fill side to be margined');
  await untilMargined(watches, 2 * book.fills.length);
  const after = await scrapeMetrics(fixture.marginUrl);
  const wallSeconds = (Date.now() - load.startedAtMs) / 1000;
  const delta = (name: string) => perTopic(after, name, journalTopic) - perTopic(before, name, journalTopic);
  const tally = watches.margin.tally();
  const batches = delta('clearing_batch_duration_seconds_count');
  const fillIds = book.fills
    .slice(WARMUP_FILLS)
    .map((f) => (JSON.parse(f.value) as { fillId: string }).fillId);
  const latencies = fillLatencies(
    fillIds,
    load.publishedAtMs.slice(WARMUP_FILLS),
    watches.journal,
    watches.margin,
    watches.commands,
  );
  printLatencyReport(latencies, {
    measuredFills: fillIds.length,
    achievedFillsPerSecond: (book.fills.length * 1000) / (load.lastAckAtMs - load.startedAtMs),
    maxBehindScheduleMs: load.maxBehindScheduleMs,
    marginPerFill: {
      journal: (tally.journal - tallyBefore.journal) / book.fills.length,
      mark: (tally.mark - tallyBefore.mark) / book.fills.length,
    },
    marginCpuCores:
      ((after.get('process_cpu_seconds_total') ?? 0) - (before.get('process_cpu_seconds_total') ?? 0)) /
      wallSeconds,
    journalEventsPerBatch: delta('clearing_messages_consumed_total') / batches,
    journalBatchMs: (1000 * delta('clearing_batch_duration_seconds_sum')) / batches,
  });
}

async function main(): Promise<void> {
  const book = benchBook(WARMUP_FILLS + MEASURED_FILLS, ACCOUNTS, 42, ['BTC-PERP']);
  // The services' own session timeout, not the fixture's 6 s for crash tests (see the aggregator bench).
  const fixture = new MarginFixture({ KAFKA_SESSION_TIMEOUT_MS: '30000' });
  let watches: Watches | undefined;
  try {
    await fixture.open(book.accounts);
    watches = await watch(fixture);
    await startAggregatorProcesses(fixture, LAYOUT, { KAFKA_SESSION_TIMEOUT_MS: '30000' });
    await fixture.startValuation({ ...PUBLISH_EVERY_MOVE, KAFKA_SESSION_TIMEOUT_MS: '30000' });
    progress(`services up; margin at ${fixture.marginUrl}; booking ${ACCOUNTS} deposits`);
    await prime(fixture, book, watches);
    await measure(fixture, book, watches);
  } finally {
    await watches?.stop();
    await fixture.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
