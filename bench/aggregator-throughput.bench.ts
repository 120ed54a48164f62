// Position aggregator throughput: fills/s into the journal and into Postgres with 10,000 accounts, against
// the raw kafkajs consume -> produce rate of the same messages on the same broker (the ceiling).
// Run: npm run build && node dist/bench/aggregator-throughput.bench.js [--fills N] [--accounts N] [--runs R]
//      [--cpu-prof DIR] (a V8 CPU profile of each measured aggregator process, into DIR)
//      [--layout LOOPS/LOOPS/...] (the measured aggregator as one process per entry, each running those
//      loops, e.g. intake,expiry/writer/projection; default one process running all of them)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AggregatorFixture } from '../apps/position-aggregator/src/aggregator-fixture';
import { parseLayout } from './support/aggregator-layout';
import { measureAggregator } from './support/aggregator-pass';
import { benchBook } from './support/bench-book';
import { passThroughRate } from './support/pass-through';
import { raiseMessageLimit } from './support/journal-topic-limit';
import { printRuns, RunFigures } from './support/report';

const { values: args } = parseArgs({
  options: {
    fills: { type: 'string', default: '50000' },
    accounts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
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
    const aggregator = await measureAggregator(fixture, book, profile, LAYOUT);
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
    process.stderr.write(`run ${run}: ${JSON.stringify({ aggregator, plain, transactional })}\n`);
    return { aggregator, ceilingPlain: plain, ceilingTransactional: transactional };
  } finally {
    await fixture.close();
  }
}

async function main(): Promise<void> {
  const processes = LAYOUT.length > 0 ? LAYOUT.join(' + ') : 'one process, all loops';
  process.stdout.write(`${FILLS} fills, ${ACCOUNTS} accounts, ${RUNS} run(s), aggregator: ${processes}\n`);
  const runs: RunFigures[] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await oneRun(run));
  printRuns(runs);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
