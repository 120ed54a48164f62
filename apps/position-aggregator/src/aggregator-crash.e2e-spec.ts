import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { DLQ_HEADERS, loadInstrumentFile } from '@clearing/contracts';
import { clusterScopedId } from '@clearing/kafka';
import {
  AGGREGATOR_MAIN,
  AggregatorFixture,
  depositMessage,
  eventually,
  publishRaw,
  readCommitted,
  startWorker,
  verifyClearing,
  WorkerRun,
} from '@clearing/testing';
import {
  expectedBooks,
  fillStream,
  seededRandom,
  scaleOf,
  unitsOf,
} from '../../../libs/testing/src/fill-stream';
import { INTAKE_GROUP, PROJECTION_GROUP, WRITER_GROUP } from './aggregator.settings';

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const ACCOUNTS = Array.from({ length: 200 }, (_, i) => `acc-${String(i).padStart(3, '0')}`);
const DEPOSIT_USDC = '1000000';
const INSTRUMENTS = loadInstrumentFile().filter((i) =>
  ['BTC-PERP', 'ETH-PERP', 'BTC-25DEC26-100000-C'].includes(i.symbol),
);
const STREAM = fillStream({
  seed: SEED,
  accounts: ACCOUNTS,
  instruments: INSTRUMENTS,
  fillCount: 10_000,
  duplicateRate: 0.01,
});
/**
 * Per account its AccountOpened and one Deposited, and one FillCleared per leg; nothing else may reach the
 * journal but the writer's clock ticks that close netting cycles (ClockTicked, counted apart: how many
 * depends on timing).
 */
const EXPECTED_EVENTS = 2 * ACCOUNTS.length + 2 * STREAM.accepted.length;

/** The lines of a worker's log that explain a stall: errors and halted partitions. */
function problemsIn(output: string): string {
  const lines = output.split('\n').filter((line) => /halt|"level":"error"|"level":50|gap/i.test(line));
  return lines
    .filter((line) => !/rebalancing|not the leader/.test(line))
    .slice(0, 20)
    .join('\n');
}

type Kill = { failpoint: string; hit: number } | { afterProgressMs: number };

/** Alternates the four commit-boundary failpoints with kills at a random instant after the run progressed. */
function killPlans(rounds: number): Kill[] {
  const random = seededRandom(SEED ^ 0x5eed);
  const failpoints = [
    'transform.before-commit',
    'projection.mid-transaction',
    'transform.after-commit',
    'projection.after-db-commit',
  ];
  // Transform points are hit per batch by intake and writer on each of their partitions (one transactional
  // producer per input partition), so a few hits may all be first batches: enough hits that one committed.
  return Array.from({ length: rounds }, (_, i) => {
    if (i % 2 === 1) return { afterProgressMs: random(2_500) };
    const failpoint = failpoints[(i / 2) % failpoints.length];
    return { failpoint, hit: (failpoint.startsWith('transform') ? 7 : 3) + random(3) };
  });
}

describe(`position aggregator under kill -9 while 10,000 fills stream in (seed ${SEED})`, () => {
  const aggregator = new AggregatorFixture();
  const { topics } = aggregator;
  // Accounts are opened by command, so one clean life books the openings before any fill streams in.
  before(async () => {
    await aggregator.open(ACCOUNTS);
    await aggregator.start();
    await aggregator.stop();
  });
  after(() => aggregator.close());

  /** Committed work: projected journal events plus the transactional offsets of intake and writer. */
  async function progress(): Promise<bigint> {
    const [projected] = await aggregator.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM journal_index',
    );
    const admin = await aggregator.kafka.adminClient();
    let committed = BigInt(projected.n);
    for (const [groupId, topic] of [
      [INTAKE_GROUP, topics.fills],
      [WRITER_GROUP, topics.ledgerCommands],
    ]) {
      const scoped = clusterScopedId(groupId, aggregator.namespace);
      const [offsets] = await admin.fetchOffsets({ groupId: scoped, topics: [topic] });
      for (const p of offsets.partitions) committed += BigInt(Math.max(0, Number(p.offset)));
    }
    return committed;
  }

  /** One aggregator life: started, killed with SIGKILL as planned; returns what it committed meanwhile. */
  async function runUntilKilled(
    kill: Kill,
  ): Promise<{ progressed: bigint; ms: number; how: string; output: string }> {
    const started = Date.now();
    const before = await progress();
    const failpointEnv: Record<string, string> =
      'failpoint' in kill
        ? { CLEARING_FAILPOINT: kill.failpoint, CLEARING_FAILPOINT_HIT: String(kill.hit) }
        : {};
    const run: WorkerRun = startWorker(AGGREGATOR_MAIN, {
      CLEARING_TOPIC_NAMESPACE: aggregator.namespace,
      DATABASE_SCHEMA: aggregator.database.schema,
      HTTP_PORT: '0',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
      ...failpointEnv,
    });
    let how = 'failpoint' in kill ? `${kill.failpoint}#${kill.hit}` : '';
    if ('afterProgressMs' in kill) {
      await eventually(async () => ((await progress()) > before ? true : undefined), 90_000, 200).catch(
        (error) => {
          run.child.kill('SIGKILL');
          throw new Error(`${error}: no progress after restart\n${problemsIn(run.output())}`);
        },
      );
      await sleep(kill.afterProgressMs);
      run.child.kill('SIGKILL');
      how = `random ${kill.afterProgressMs} ms after progress`;
    }
    const safety = setTimeout(() => run.child.kill('SIGKILL'), 45_000);
    const { signal } = await run.exited;
    clearTimeout(safety);
    assert.equal(signal, 'SIGKILL', `the aggregator exited on its own:\n${run.output()}`);
    return { progressed: (await progress()) - before, ms: Date.now() - started, how, output: run.output() };
  }

  /** Publishes the stream in paced chunks, as an engine would over a minute, while the kills go on. */
  async function publishPaced(chunkSize: number, pauseMs: number): Promise<void> {
    for (let i = 0; i < STREAM.messages.length; i += chunkSize) {
      await publishRaw(aggregator.kafka.kafka, topics.fills, STREAM.messages.slice(i, i + chunkSize));
      await sleep(pauseMs);
    }
  }

  /** Caught up: every expected event is in the journal, projected, and the projection stays put. */
  async function caughtUp(run: WorkerRun): Promise<void> {
    const count = async () =>
      Number(
        (
          await aggregator.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM journal_index WHERE event_type <> 'ClockTicked'`,
          )
        )[0].n,
      );
    await eventually(async () => ((await count()) >= EXPECTED_EVENTS ? true : undefined), 120_000, 500).catch(
      async (error) => {
        const journal = await readCommitted(aggregator.kafka.kafka, topics.ledgerJournal);
        throw new Error(
          `${error}: ${await count()} projected, ${journal.length} in the journal, ` +
            `${EXPECTED_EVENTS} expected\n${problemsIn(run.output())}`,
        );
      },
    );
    await sleep(2_000);
    assert.equal(await count(), EXPECTED_EVENTS, 'journal_index rows: one per expected journal event');
    const journal = (await readCommitted(aggregator.kafka.kafka, topics.ledgerJournal)).filter(
      (r) => (JSON.parse(String(r.value)) as { type: string }).type !== 'ClockTicked',
    );
    assert.equal(journal.length, EXPECTED_EVENTS, 'journal records: nothing doubled, nothing lost');
  }

  it('books every accepted fill exactly once, dead-letters the rest, and clearing verify passes', async () => {
    // Given 200 funded accounts
    const t0 = Date.now();
    await publishRaw(
      aggregator.kafka.kafka,
      topics.ledgerCommands,
      ACCOUNTS.map((a) => depositMessage(a, DEPOSIT_USDC)),
    );

    // When the fills stream in while the aggregator is killed again and again, restarted each time
    const publishing = publishPaced(250, 1_200);
    const lives = [];
    for (const kill of killPlans(8)) {
      const life = await runUntilKilled(kill);
      console.log(`  life ${lives.length + 1}: ${life.how}, ${life.ms} ms, +${life.progressed} committed`);
      assert.ok(
        life.progressed > 0n,
        `run ${lives.length + 1} (${life.how}) made no progress:\n${life.output}`,
      );
      lives.push(life);
    }
    await publishing;
    await caughtUp(await aggregator.start());
    console.log(`  caught up after ${Date.now() - t0} ms`);

    // Then clearing verify passes every check over the journal and the projection
    const report = await verifyClearing({
      kafka: aggregator.kafka.kafka,
      topic: topics.ledgerJournal,
      dataSource: aggregator.database.dataSource,
      consumerGroup: PROJECTION_GROUP,
    });
    assert.ok(
      report.ok,
      JSON.stringify(
        report.checks.filter((c) => !c.ok),
        null,
        2,
      ),
    );
    assert.deepEqual(report.checks.map((c) => c.name).sort(), [
      'ccp-flat',
      'event-ids-unique',
      'fill-legs',
      'journal-decodes',
      'liquidation-prices',
      'projection-balances',
      'projection-positions',
      'projections-caught-up',
      'sequences',
      'zero-sum',
    ]);
    assert.equal(
      report.counts.projectedEvents,
      report.counts.events,
      'the projection covers the whole journal',
    );
    assert.equal(report.counts.fills, STREAM.accepted.length);

    await assertFillLegsAndDeadLetters();
    await assertBooksBalance();
    console.log(`  whole test ${Date.now() - t0} ms`);
  });

  async function assertFillLegsAndDeadLetters(): Promise<void> {
    const [legs] = await aggregator.query<{ rows: string; fills: string }>(
      'SELECT count(*)::text AS rows, count(DISTINCT fill_id)::text AS fills FROM fill_legs',
    );
    assert.equal(Number(legs.rows), 2 * STREAM.accepted.length, 'two legs per accepted fill');
    assert.equal(Number(legs.fills), STREAM.accepted.length);
    const letters = await readCommitted(aggregator.kafka.kafka, `${topics.fills}.dlq`);
    const reasons = letters.map((l) => l.headers![DLQ_HEADERS.reason]!.toString());
    assert.equal(letters.length, STREAM.duplicates + STREAM.malformed, 'in = accepted + rejected');
    assert.equal(reasons.filter((r) => /^duplicate of fill/.test(r)).length, STREAM.duplicates);
    assert.equal(STREAM.messages.length, STREAM.accepted.length + letters.length);
  }

  /** Zero-sum per asset in Postgres, flat net positions, and each account's books from the fills alone. */
  async function assertBooksBalance(): Promise<void> {
    const sums = await aggregator.query<{ asset: string; total: string }>(
      'SELECT asset, sum(amount)::text AS total FROM balances GROUP BY asset',
    );
    for (const { asset, total } of sums) assert.equal(Number(total), 0, `${asset} sums to ${total}`);
    const positions = await aggregator.query<{ account_id: string; instrument: string; quantity: string }>(
      `SELECT account_id, instrument, quantity::text FROM positions WHERE account_id LIKE 'acc-%'`,
    );
    const expected = expectedBooks(STREAM.accepted, INSTRUMENTS);
    const lotScale = new Map(INSTRUMENTS.map((i) => [i.symbol, scaleOf(i.lotSize)]));
    const projected = new Map(
      positions.map((p) => [
        `${p.account_id} ${p.instrument}`,
        unitsOf(p.quantity, lotScale.get(p.instrument)!),
      ]),
    );
    for (const { symbol } of INSTRUMENTS) {
      const net = positions
        .filter((p) => p.instrument === symbol)
        .reduce((n, p) => n + projected.get(`${p.account_id} ${symbol}`)!, 0n);
      assert.equal(net, 0n, `traders' net ${symbol}`);
    }
    for (const [account, book] of expected)
      for (const [instrument, quantity] of book.quantities)
        assert.equal(projected.get(`${account} ${instrument}`) ?? 0n, quantity, `${account} ${instrument}`);
    const balances = await aggregator.query<{ account_id: string; amount: string }>(
      `SELECT account_id, amount::text FROM balances WHERE asset = 'USDC' AND account_id LIKE 'acc-%'`,
    );
    assert.equal(balances.length, ACCOUNTS.length);
    for (const { account_id, amount } of balances) {
      const cash = unitsOf(DEPOSIT_USDC, 6) + (expected.get(account_id)?.cashMicroUsdc ?? 0n);
      assert.equal(unitsOf(amount, 6), cash, `USDC of ${account_id}`);
    }
  }
});
