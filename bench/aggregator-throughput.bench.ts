// Position aggregator throughput: fills/s into the journal and into Postgres with 10,000 accounts, against
// two ceilings of the same run: the same topology with identity transforms, and the raw kafkajs
// consume -> produce rate of the same messages on the same broker; CPU per fill per process; latency per
// stage. Run: npm run build && npm run bench -- aggregator-throughput [--fills N] [--accounts N] [--runs R]
//      [--json] (one JSON document instead of the table) [--cpu-prof DIR] (a V8 CPU profile of each
//      measured aggregator process, into DIR) [--layout LOOPS/LOOPS/...] (the measured aggregator as one
//      process per entry, each running those loops, e.g. intake,expiry/writer/projection; default one
//      process running all of them)
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AggregatorFixture } from '@clearing/testing';
import { parseLayout } from './support/aggregator-layout';
import { measureAggregator } from './support/aggregator-pass';
import { measureCeiling } from './support/ceiling-pass';
import { benchBook } from '@clearing/testing';
import { passThroughRate } from './support/pass-through';
import { raiseMessageLimit } from './support/journal-topic-limit';
import { printRuns, printRunsJson, RunFigures } from './support/report';

const { values: args } = parseArgs({
  options: {
    fills: { type: 'string', default: '50000' },
    accounts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    layout: { type: 'string' },
  },
});
const FILLS = Number(args.fills);
const ACCOUNTS = Number(args.accounts);
const RUNS = Number(args.runs);
const LAYOUT = parseLayout(args.layout);
/** See raiseMessageLimit: 16 MB holds the journal events of any 1 MB batch of leg commands. */
const JOURNAL_MAX_BYTES = 16 * 1_048_576;

async function oneRun(run: number): Promise<RunFigures> {
  const loadAtStart = os.loadavg()[0];
  const book = benchBook(FILLS, ACCOUNTS);
  // The service's own session timeout, not the fixture's 6 s for crash tests: a writer batch that outlasts
  // the session (its shard restore included) is evicted from the group and starts over.
  const fixture = new AggregatorFixture({ KAFKA_SESSION_TIMEOUT_MS: '30000' });
  try {
    await fixture.open(book.accounts);
    const { topics } = fixture;
    await raiseMessageLimit(
      await fixture.kafka.adminClient(),
      [topics.ledgerJournal, topics.settlements],
      JOURNAL_MAX_BYTES,
    );
    const profile: Record<string, string> = args['cpu-prof']
      ? {
          NODE_OPTIONS: `--require ${path.join(__dirname, 'support', 'cpu-profile-preload.js')}`,
          BENCH_CPU_PROFILE_DIR: path.resolve(args['cpu-prof']),
        }
      : {};
    const { measurement: aggregator, records } = await measureAggregator(fixture, book, profile, LAYOUT);
    const topology = await measureCeiling(fixture, records);
    const { kafka } = fixture.kafka;
    const fills = fixture.topics.fills;
    const plain = await passThroughRate(kafka, fills, `${fixture.namespace}.bench.plain`, FILLS, 'plain');
    const transactional = await passThroughRate(
      kafka,
      fills,
      `${fixture.namespace}.bench.transactional`,
      FILLS,
      'transactional',
    );
    const figures: RunFigures = {
      aggregator,
      topology,
      ceilingPlain: plain,
      ceilingTransactional: transactional,
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0] },
    };
    process.stderr.write(`run ${run}: ${JSON.stringify(figures)}\n`);
    return figures;
  } finally {
    await fixture.close();
  }
}

async function main(): Promise<void> {
  const processes = LAYOUT.length > 0 ? LAYOUT.join(' + ') : 'one process, all loops';
  if (!args.json)
    process.stdout.write(`${FILLS} fills, ${ACCOUNTS} accounts, ${RUNS} run(s), aggregator: ${processes}\n`);
  const runs: RunFigures[] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await oneRun(run));
  if (args.json) printRunsJson(runs, { fills: FILLS, accounts: ACCOUNTS });
  else printRuns(runs);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
