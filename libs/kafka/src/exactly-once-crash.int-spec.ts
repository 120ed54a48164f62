import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CheckpointStore } from '@clearing/persistence';
import {
  crashPlans,
  DatabaseFixture,
  eventually,
  KafkaFixture,
  MALFORMED_VALUES,
  publishRaw,
  readCommitted,
  runUntilCrash,
  sampleMessages,
  SAMPLE_PROJECTION_DDL,
  startWorker,
  uniqueName,
} from '@clearing/testing';
import { MIGRATIONS } from '../../../migrations';

const WORKERS = path.resolve(__dirname, '../../testing/src/workers');
const GOOD = sampleMessages(3000);
const BAD = MALFORMED_VALUES.map((value, i) => ({ key: `bad-${i}`, value }));
const INTERLEAVED = [...GOOD.slice(0, 1000), ...BAD, ...GOOD.slice(1000)];
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);

describe(`exactly-once under kill -9 (seed ${SEED})`, () => {
  const kafka = new KafkaFixture();
  const database = new DatabaseFixture(MIGRATIONS);
  before(() => database.open(SAMPLE_PROJECTION_DDL));
  after(() => Promise.all([kafka.close(), database.close()]));

  it('Kafka -> Postgres: killed mid-batch and between the Postgres and Kafka commits, every message lands once', async () => {
    // Given 3,005 messages (5 malformed) on 3 partitions
    const [topic] = await kafka.topics({ name: 'crash-proj', partitions: 3, withDeadLetterTopic: true });
    await publishRaw(kafka.kafka, topic, INTERLEAVED);
    const env = { WORKER_TOPIC: topic, WORKER_GROUP: uniqueName('g'), WORKER_SCHEMA: database.schema };
    const script = path.join(WORKERS, 'sample-projection-worker.js');

    // When the consumer is killed again and again at awkward moments, restarted each time
    for (const plan of crashPlans(['projection.after-db-commit', 'projection.mid-transaction'], 6, SEED)) {
      await runUntilCrash(script, env, plan);
    }
    const final = startWorker(script, env);
    const store = new CheckpointStore(env.WORKER_GROUP);
    const checkpoints = await eventually(async () => {
      const rows = await store.loadAll(database.dataSource.manager, topic);
      const seen = rows.reduce((n, r) => n + r.acceptedCount + r.rejectedCount, 0n);
      return seen === BigInt(INTERLEAVED.length) ? rows : undefined;
    }, 120_000);
    final.child.kill('SIGTERM');
    await final.exited;

    // Then every good message is projected exactly once and the counts reconcile
    const [totals] = await database.dataSource.query(
      `SELECT message_count, amount_sum, (SELECT count(*) FROM sample_projection) AS row_count,
              (SELECT count(DISTINCT id) FROM sample_projection) AS distinct_ids FROM sample_totals`,
    );
    const expectedSum = GOOD.reduce(
      (sum, m) => sum + BigInt(JSON.parse(m.value).amount.replace('.', '')),
      0n,
    );
    assert.equal(totals.message_count, String(GOOD.length));
    assert.equal(totals.row_count, String(GOOD.length));
    assert.equal(totals.distinct_ids, String(GOOD.length));
    assert.equal(BigInt(totals.amount_sum.replace('.', '')), expectedSum);
    assert.equal(
      checkpoints.reduce((n, c) => n + c.acceptedCount, 0n),
      BigInt(GOOD.length),
    );
    assert.equal(
      checkpoints.reduce((n, c) => n + c.rejectedCount, 0n),
      BigInt(BAD.length),
    );
  });

  it('Kafka -> Kafka: killed inside and right after transactions, each output is committed once', async () => {
    // Given the same 3,005 messages
    const [input, output] = await kafka.topics(
      { name: 'crash-in', partitions: 3, withDeadLetterTopic: true },
      { name: 'crash-out', partitions: 3 },
    );
    await publishRaw(kafka.kafka, input, INTERLEAVED);
    const env = { WORKER_TOPIC: input, WORKER_OUTPUT_TOPIC: output, WORKER_GROUP: uniqueName('g') };
    const script = path.join(WORKERS, 'sample-transform-worker.js');

    // When the transformer is killed again and again, restarted each time
    for (const plan of crashPlans(['transform.before-commit', 'transform.after-commit'], 6, SEED)) {
      await runUntilCrash(script, env, plan);
    }
    const final = startWorker(script, env);
    await eventually(
      async () => ((await readCommitted(kafka.kafka, output)).length >= GOOD.length ? true : undefined),
      120_000,
      2_000,
    );
    final.child.kill('SIGTERM');
    await final.exited;

    // Then a read_committed consumer sees each output once, and each dead letter once
    const ids = (await readCommitted(kafka.kafka, output)).map(
      (m) => JSON.parse(m.value!.toString()).id as string,
    );
    assert.equal(ids.length, GOOD.length, 'duplicates or losses in the output');
    assert.equal(new Set(ids).size, GOOD.length);
    assert.equal((await readCommitted(kafka.kafka, `${input}.dlq`)).length, BAD.length);
  });
});
