import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  eventually,
  HOSTILE_COMMAND_ACCOUNTS,
  HOSTILE_COMMANDS,
  HOSTILE_FILL_ACCOUNTS,
  HOSTILE_FILLS,
  hostileQuoteFeed,
  MarginFixture,
  publishRaw,
  readCommitted,
  verifyWhenCaughtUp,
  WorkerRun,
} from '@clearing/testing';
import { PROJECTION_GROUP } from '@clearing/contracts';
import {
  commandFates,
  deadLettersOf,
  Fate,
  fateSummary,
  journalOf,
  publishedOn,
  shardCommandsOn,
  wrongFates,
} from './fates';
import { TopicTraffic, trafficOf } from './hostile-traffic';
import { scrape, sumOf } from './service-metrics';

// Issue 11, "done when": at least 500 generated adversarial records per input topic, published with a plain
// producer between valid traffic, against the aggregator and the oracle running as processes on the shared
// broker and Postgres (their own namespace and schema). Every record must end applied or refused with a
// reason, no consumer may crash, and clearing verify must pass.
const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const HOSTILE_PER_TOPIC = 520;
const VALID_PER_TOPIC = 200;
/** Valid ids start here so no hostile record (ids 0..519) can take one first. */
const FIRST_VALID_INDEX = 100_000;
const REPLAYS = 60;
/** Opened by OpenAccount commands on ledger.commands.v1 before the traffic: consumed there too. */
const ONBOARDED = [...HOSTILE_FILL_ACCOUNTS, ...HOSTILE_COMMAND_ACCOUNTS];

describe(`hostile inputs on fills, oracle prices and commands (seed ${SEED}; HOSTILE_SEED=${SEED} reproduces)`, () => {
  // Netting cycles cut by event count only: the writer's clock then sends just one tick per partition at
  // start, all consumed before the counts below are read (a tick in flight would skew them).
  const system = new MarginFixture({ NETTING_CYCLE_MS: String(10 * 365 * 86_400_000) });
  const runs: { aggregator?: WorkerRun; oracle?: WorkerRun } = {};
  const ids = {
    firstValidIndex: FIRST_VALID_INDEX,
    validCount: VALID_PER_TOPIC,
    hostileCount: HOSTILE_PER_TOPIC,
  };
  const fills = trafficOf(HOSTILE_FILLS, { ...ids, replayCount: REPLAYS }, SEED);
  const commands = trafficOf(HOSTILE_COMMANDS, { ...ids, replayCount: REPLAYS }, SEED + 10);
  // Quotes have no ids: valid ones from index 0, dated up to now (a later date is refused as future).
  const quoteStartMs = Math.floor(Date.now() / 1000) * 1000 - VALID_PER_TOPIC * 1000;
  const quotes = trafficOf(
    hostileQuoteFeed(quoteStartMs),
    { ...ids, firstValidIndex: 0, replayCount: 0 },
    SEED + 20,
  );

  before(async () => {
    await system.open(ONBOARDED);
    runs.aggregator = await system.start();
    runs.oracle = await system.startOracle();
    await Promise.all([
      publish(system.topics.fills, fills),
      publish(system.topics.ledgerCommands, commands),
      publish(system.topics.oraclePrices, quotes),
    ]);
    await eventually(() => allConsumed(), 120_000, 1_000);
  });
  after(() => system.close());

  async function publish(topic: string, traffic: TopicTraffic): Promise<void> {
    // Four records a request: an oversized poison is up to 200 KiB and a batch must stay under 1 MiB.
    for (const phase of traffic.phases) await publishRaw(system.kafka.kafka, topic, phase, 4);
  }

  const total = (traffic: TopicTraffic) => traffic.validCount + traffic.hostileCount;

  /** Every input record was consumed (fill legs included), or undefined while some are still in flight. */
  async function allConsumed(): Promise<true | undefined> {
    const [aggregator, oracle] = await Promise.all([scrape(runs.aggregator!), scrape(runs.oracle!)]);
    const consumed = (samples: typeof aggregator, topic: string) =>
      sumOf(samples, 'clearing_messages_consumed_total', { topic });
    const legs = sumOf(aggregator, 'clearing_messages_produced_total', {
      topic: system.topics.ledgerCommands,
    });
    const done =
      consumed(aggregator, system.topics.fills) === total(fills) &&
      consumed(aggregator, system.topics.ledgerCommands) === total(commands) + legs + ONBOARDED.length &&
      consumed(oracle, system.topics.oraclePrices) === total(quotes);
    return done || undefined;
  }

  it('given 580 fills, then each valid one is booked with both legs and each hostile one dead-lettered with a reason', async (t) => {
    const { kafka } = system.kafka;
    const [published, letters, journal] = await Promise.all([
      publishedOn(kafka, system.topics.fills),
      deadLettersOf(kafka, system.topics.fills),
      journalOf(kafka, system.topics.ledgerJournal),
    ]);
    const legs = new Map<string, Set<string>>();
    for (const event of journal.filter((e) => e.type === 'FillCleared')) {
      const fillId = String(event.payload.fillId);
      legs.set(fillId, (legs.get(fillId) ?? new Set()).add(String(event.payload.side)));
    }
    const fateOf = (record: { at: string; expect: string; value: Buffer | null }): Fate[] => {
      const letter = letters.get(record.at);
      const booked =
        record.expect === 'valid' && legs.get(JSON.parse(String(record.value)).fillId)?.size === 2;
      return [
        ...(letter === undefined ? [] : [{ refused: letter }]),
        ...(booked ? [{ applied: true as const }] : []),
      ];
    };
    fateSummary(published, fateOf).forEach((line) => t.diagnostic(line));
    assert.equal(published.length, total(fills));
    assert.deepEqual(wrongFates(published, fateOf), []);
    // In = accepted + rejected, from the intake's own counters: each accepted fill is two legs (what the
    // aggregator produced to ledger.commands.v1, less the commands its writer forwarded to their owner).
    const metrics = await scrape(runs.aggregator!);
    const commandsTopic = { topic: system.topics.ledgerCommands };
    // The aggregator also produces its own shard commands there (clock ticks, funding periods).
    const shardCommands = await shardCommandsOn(kafka, system.topics.ledgerCommands);
    const produced = sumOf(metrics, 'clearing_messages_produced_total', commandsTopic) - shardCommands.size;
    const accepted = (produced - sumOf(metrics, 'clearing_messages_forwarded_total', commandsTopic)) / 2;
    const rejected = sumOf(metrics, 'clearing_messages_dead_lettered_total', { topic: system.topics.fills });
    assert.deepEqual([accepted, rejected], [fills.validCount, fills.hostileCount]);
  });

  it('given 580 commands, then each valid one is booked and each hostile one refused: dead-lettered or journaled with a reason', async (t) => {
    const { kafka } = system.kafka;
    const [published, letters, journal, shardCommands] = await Promise.all([
      publishedOn(kafka, system.topics.ledgerCommands),
      deadLettersOf(kafka, system.topics.ledgerCommands),
      journalOf(kafka, system.topics.ledgerJournal),
      shardCommandsOn(kafka, system.topics.ledgerCommands),
    ]);
    const journaled = commandFates(journal, system.topics.ledgerCommands, shardCommands);
    const fateOf = (record: { at: string }): Fate[] => {
      const letter = letters.get(record.at);
      const decided = journaled.get(record.at);
      return [...(letter === undefined ? [] : [{ refused: letter }]), ...(decided ? [decided] : [])];
    };
    fateSummary(published, fateOf).forEach((line) => t.diagnostic(line));
    assert.equal(published.length, total(commands));
    assert.deepEqual(wrongFates(published, fateOf), []);
    // In = accepted + rejected + forwarded + shard commands: every consumed command (fill legs too) is one
    // journal event, one dead letter, or forwarded once to the partition that owns it (and consumed there
    // again), except the aggregator's own shard commands, decided by a whole shard (see shardCommandsOn).
    const metrics = await scrape(runs.aggregator!);
    const consumed = sumOf(metrics, 'clearing_messages_consumed_total', {
      topic: system.topics.ledgerCommands,
    });
    const deadLettered = sumOf(metrics, 'clearing_messages_dead_lettered_total', {
      topic: system.topics.ledgerCommands,
    });
    const forwarded = sumOf(metrics, 'clearing_messages_forwarded_total', {
      topic: system.topics.ledgerCommands,
    });
    t.diagnostic(
      `consumed ${consumed} journaled ${journaled.size} dead-lettered ${deadLettered} forwarded ${forwarded} letters ${letters.size} shard commands ${shardCommands.size}`,
    );
    assert.equal(consumed, journaled.size + deadLettered + forwarded + shardCommands.size);
    assert.equal(deadLettered, letters.size);
  });

  it('given 520 hostile quotes between 200 valid ones, then exactly the valid ones are taken and the BTC index is marked', async () => {
    const metrics = await scrape(runs.oracle!);
    const topic = system.topics.oraclePrices;
    const accepted = sumOf(metrics, 'clearing_oracle_observations_accepted_total');
    const refused = sumOf(metrics, 'clearing_oracle_observations_rejected_total');
    const deadLettered = sumOf(metrics, 'clearing_messages_dead_lettered_total', { topic });
    assert.deepEqual([accepted, refused + deadLettered], [quotes.validCount, quotes.hostileCount]);
    const letters = await deadLettersOf(system.kafka.kafka, topic);
    assert.equal(letters.size, deadLettered);
    assert.deepEqual(
      [...letters.values()].filter((reason) => reason.length === 0),
      [],
    );
    const lastValidMs = quoteStartMs + (VALID_PER_TOPIC - 1) * 1000;
    const index = (await readCommitted(system.kafka.kafka, system.topics.marks))
      .filter((m) => m.key?.toString() === 'index:BTC')
      .map((m) => JSON.parse(m.value!.toString()))
      .at(-1);
    assert.deepEqual([index?.status, index?.asOf], ['valid', new Date(lastValidMs).toISOString()]);
  });

  it('then no consumer crashed, no partition halted, and both services still run', async () => {
    for (const [name, run] of Object.entries(runs)) {
      const metrics = await scrape(run!);
      const log = run!
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50)|crash/i.test(line));
      assert.equal(
        sumOf(metrics, 'clearing_consumer_crashes_total'),
        0,
        `${name} crashed:\n${log.join('\n')}`,
      );
      assert.equal(sumOf(metrics, 'clearing_partition_halted'), 0, `${name} halted partitions`);
      assert.equal(run!.child.exitCode, null, `${name} exited`);
      assert.doesNotMatch(run!.output(), /Error when calling eachBatch/, `${name} failed a batch`);
    }
  });

  it('then clearing verify passes over the journal and the caught-up projection', async () => {
    const report = await verifyWhenCaughtUp({
      kafka: system.kafka.kafka,
      topic: system.topics.ledgerJournal,
      dataSource: system.database.dataSource,
      consumerGroup: PROJECTION_GROUP,
    });
    assert.deepEqual(
      report.checks.filter((c) => !c.ok),
      [],
    );
  });
});
