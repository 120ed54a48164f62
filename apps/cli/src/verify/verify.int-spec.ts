import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseUrlFromEnv } from '@clearing/config';
import { readTopicToEnd } from '@clearing/kafka';
import { JournalCodec, JournalEvent } from '@clearing/ledger';
import {
  DatabaseFixture,
  journalRecords,
  KafkaFixture,
  publishRaw,
  replayJournal,
  sampleJournal,
  verifyClearing,
} from '@clearing/testing';
import { MIGRATIONS } from '../../../../migrations';
import { JournalProjector } from '@clearing/persistence';
import { CliCommand } from '../command';
import { replayCommand } from '../commands/replay';
import { verifyCommand } from '../commands/verify';

const NO_CHECKPOINT_GROUP = 'verify-spec';

describe('clearing verify and replay against a real journal topic and projection schema', () => {
  const kafka = new KafkaFixture();
  const database = new DatabaseFixture(MIGRATIONS);
  before(() => database.open());
  after(() => Promise.all([kafka.close(), database.close()]));

  /** Publishes the journal keyed by account on its shard's partition, then projects it as the aggregator does. */
  async function journalTopic(events: JournalEvent[], project: boolean): Promise<string> {
    const [topic] = await kafka.topics({ name: 'journal', partitions: 2 });
    await publishRaw(kafka.kafka, topic, journalRecords(events));
    if (!project) return topic;
    const codec = new JournalCodec();
    const projector = new JournalProjector(topic, codec);
    await readTopicToEnd(kafka.kafka, topic, async (records) => {
      const located = records.map((r) => ({ ...r, event: codec.fromWire(JSON.parse(String(r.value))) }));
      await database.dataSource.transaction((db) => projector.project(db, located));
    });
    return topic;
  }

  const verify = (topic: string) =>
    verifyClearing({
      kafka: kafka.kafka,
      topic,
      dataSource: database.dataSource,
      consumerGroup: NO_CHECKPOINT_GROUP,
    });
  const replay = (topic: string) =>
    replayJournal({
      kafka: kafka.kafka,
      topic,
      databaseUrl: databaseUrlFromEnv(),
      liveSchema: database.schema,
    });
  const failedChecks = (report: Awaited<ReturnType<typeof verify>>) =>
    report.checks.filter((c) => !c.ok).map((c) => c.name);

  /** Runs the command as `clearing` would (in process: main.js also loads every other command's app). */
  async function cli(command: CliCommand, ...args: string[]): Promise<{ code: number; stdout: string }> {
    const chunks: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      return { code: await command.run(args), stdout: chunks.join('') };
    } finally {
      process.stdout.write = write;
    }
  }

  let topic: string;

  it('a journal the single writers produced, projected once: verify ok, replay identical, CLI exits 0', async () => {
    // Given the sample journal (deposits, perpetual and option fills, two shards) published and projected
    topic = await journalTopic(sampleJournal(), true);

    // When verify and replay run
    const report = await verify(topic);
    const replayed = await replay(topic);
    const run = await cli(
      verifyCommand,
      '--json',
      '--topic',
      topic,
      '--schema',
      database.schema,
      '--group',
      NO_CHECKPOINT_GROUP,
    );

    // Then every check passes, the rebuilt schema hashes the same and is dropped afterwards
    assert.deepEqual(failedChecks(report), []);
    assert.deepEqual(report.counts, { records: 9, events: 9, accounts: 3, fills: 3, projectedEvents: 9 });
    assert.equal(replayed.identical, true);
    assert.equal(replayed.events, 9);
    assert.equal(replayed.live.sha256, replayed.replayed.sha256);
    const leftover = await database.dataSource.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
      replayed.replaySchema,
    ]);
    assert.equal(leftover.length, 0);
    assert.equal(run.code, 0);
    assert.equal(JSON.parse(run.stdout).ok, true);
  });

  it('a balances row changed in Postgres: verify fails projection-balances, replay is DIFFERENT at balances', async () => {
    // Given one minor unit added to Carol's USDC in the projection
    await database.dataSource.query(
      "UPDATE balances SET amount = amount + 0.000001 WHERE account_id = 'carol' AND asset = 'USDC'",
    );

    // When verify and replay run again
    const report = await verify(topic);
    const replayed = await replay(topic);
    const replayRun = await cli(replayCommand, '--topic', topic, '--schema', database.schema);
    const run = await cli(
      verifyCommand,
      '--topic',
      topic,
      '--schema',
      database.schema,
      '--group',
      NO_CHECKPOINT_GROUP,
    );

    // Then only the projection check fails, naming the row; the hashes differ first at balances
    assert.deepEqual(failedChecks(report), ['projection-balances']);
    assert.match(
      report.checks.find((c) => !c.ok)!.details[0],
      /^carol USDC: projection 49623.350001, journal 49623.35$/,
    );
    assert.equal(replayed.identical, false);
    assert.equal(replayed.firstDifferentTable, 'balances');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /projection-balances\s+FAILED \(1 problem\)/);
    assert.equal(replayRun.code, 1);
    assert.match(replayRun.stdout, /\nDIFFERENT: first differing table balances\n/);
  });

  it('a journal missing one leg of a fill: verify fails fill-legs and ccp-flat, naming the fill', async () => {
    // Given a journal whose f2 sell leg never made it (and nothing projected)
    const events = sampleJournal().filter((e) => !(e.payload.fillId === 'f2' && e.payload.side === 'sell'));
    const broken = await journalTopic(events, false);

    // When verify runs against it
    const report = await verify(broken);

    // Then the novation checks fail and say which fill
    assert.ok(failedChecks(report).includes('fill-legs'));
    assert.ok(failedChecks(report).includes('ccp-flat'));
    assert.deepEqual(report.checks.find((c) => c.name === 'fill-legs')!.details, [
      'fill f2: 1 buy leg(s), 0 sell leg(s)',
    ]);
  });

  it('a projection whose checkpoint stays behind the journal end: verify fails projections-caught-up, naming it', async () => {
    // Given a journal and a projection of it stalled at offset 0 of partition 0
    const stalled = await journalTopic(sampleJournal(), false);
    await database.dataSource.query(
      `INSERT INTO consumer_checkpoint (consumer_group, topic, partition, next_offset) VALUES ('stalled-projection', $1, 0, 0)`,
      [stalled],
    );

    // When verify runs with a short catch-up window
    const report = await verifyClearing({
      kafka: kafka.kafka,
      topic: stalled,
      dataSource: database.dataSource,
      consumerGroup: NO_CHECKPOINT_GROUP,
      catchUpMs: 300,
    });

    // Then the stalled projection is reported (this schema's rows belong to other journals of this file)
    assert.ok(failedChecks(report).includes('projections-caught-up'));
    const check = report.checks.find((c) => c.name === 'projections-caught-up')!;
    // (a partition without a checkpoint row counts from offset 0 too: whichever holds events is named)
    assert.ok(
      check.details.some((d) =>
        /^stalled-projection partition \d+ is at offset 0, the journal ends at [1-9]/.test(d),
      ),
      check.details.join('; '),
    );
  });
});
