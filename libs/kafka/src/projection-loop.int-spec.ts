import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EntityManager } from 'typeorm';
import { CheckpointStore } from '@clearing/persistence';
import {
  DatabaseFixture,
  decodeSample,
  eventually,
  KafkaFixture,
  MALFORMED_VALUES,
  publishRaw,
  readCommitted,
  sampleMessages,
  SampleMessage,
  SAMPLE_PROJECTION_DDL,
  uniqueName,
} from '@clearing/testing';
import { MIGRATIONS } from '../../../migrations';
import { projectionLoop } from './loops';
import { DecodedBatch } from './messages';
import { PartitionHaltError } from './partition-halt';

async function insertRows(batch: DecodedBatch<SampleMessage>, db: EntityManager): Promise<void> {
  for (const m of batch.messages) {
    if (m.value.id === 'poison') throw new PartitionHaltError('ledger invariant broken by poison');
    await db.query('INSERT INTO sample_projection (id, amount, source_offset) VALUES ($1, $2, $3)', [
      m.value.id,
      m.value.amount,
      m.offset,
    ]);
  }
}

describe('projection loop: Kafka -> Postgres with offsets in the same transaction', () => {
  const kafka = new KafkaFixture();
  const database = new DatabaseFixture(MIGRATIONS);
  before(() => database.open(SAMPLE_PROJECTION_DDL));
  after(() => Promise.all([kafka.close(), database.close()]));

  it('projects every valid message once, dead-letters the rest, and the checkpoint reconciles', async () => {
    // Given 120 good and 5 malformed messages on a 2-partition topic
    const [topic] = await kafka.topics({ name: 'proj', partitions: 2, withDeadLetterTopic: true });
    const good = sampleMessages(120);
    const bad = MALFORMED_VALUES.map((value, i) => ({ key: `bad-${i}`, value }));
    await publishRaw(kafka.kafka, topic, [...bad, ...good]);

    // When the projection loop consumes the topic
    const groupId = uniqueName('g');
    const loop = projectionLoop<SampleMessage>({
      kafka: kafka.kafka,
      groupId,
      topics: [topic],
      decode: decodeSample,
      dataSource: database.dataSource,
      project: insertRows,
    });
    await loop.start();
    const store = new CheckpointStore(groupId);
    const checkpoints = await eventually(async () => {
      const rows = await store.loadAll(database.dataSource.manager, topic);
      const total = rows.reduce((n, r) => n + r.acceptedCount + r.rejectedCount, 0n);
      return total === BigInt(good.length + bad.length) ? rows : undefined;
    });
    await loop.stop();

    // Then rows exist once each; accepted + rejected = messages in; the DLQ holds the rejects
    const rows: { id: string }[] = await database.dataSource.query('SELECT id FROM sample_projection');
    assert.deepEqual(rows.map((r) => r.id).sort(), good.map((g) => JSON.parse(g.value).id).sort());
    const accepted = checkpoints.reduce((n, c) => n + c.acceptedCount, 0n);
    const rejected = checkpoints.reduce((n, c) => n + c.rejectedCount, 0n);
    assert.equal(accepted, BigInt(good.length));
    assert.equal(rejected, BigInt(bad.length));
    assert.equal((await readCommitted(kafka.kafka, `${topic}.dlq`)).length, bad.length);
  });

  it('halts a partition on a broken ledger invariant instead of skipping the message', async () => {
    // Given a poison message followed by good ones on a single partition
    const [topic] = await kafka.topics({ name: 'halt', partitions: 1 });
    await publishRaw(kafka.kafka, topic, [
      { key: 'a', value: JSON.stringify({ id: 'before', amount: '1' }) },
      { key: 'a', value: JSON.stringify({ id: 'poison', amount: '1' }) },
      { key: 'a', value: JSON.stringify({ id: 'after', amount: '1' }) },
    ]);
    await database.dataSource.query('DELETE FROM sample_projection');

    // When the loop meets it
    const loop = projectionLoop<SampleMessage>({
      kafka: kafka.kafka,
      groupId: uniqueName('g'),
      topics: [topic],
      decode: decodeSample,
      dataSource: database.dataSource,
      project: insertRows,
    });
    await loop.start();
    await eventually(async () => (loop.status().haltedPartitions.length > 0 ? true : undefined));
    await loop.stop();

    // Then the partition is halted, nothing of the failed batch is applied, and nothing after it is
    assert.deepEqual(loop.status().haltedPartitions, [`${topic}:0`]);
    const rows: { id: string }[] = await database.dataSource.query('SELECT id FROM sample_projection');
    assert.ok(!rows.some((r) => r.id === 'after'), 'a message after the broken one was applied');
  });
});
