import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { KafkaFixture, readCommitted, uniqueName } from '@clearing/testing';
import { idempotentProducer, TransactionalProducers } from './transactional-producers';

/**
 * The exactly-once argument (docs/ARCHITECTURE.md, state epochs) needs `ready()` to settle whatever the
 * partition's transactional id left in flight BEFORE the partition's state is read: a commit whose answer
 * was lost must be in the re-read, a zombie must be fenced. kafkajs' `producer.connect()` initialises only
 * an idempotent producer id (no transactional id): the transactional InitProducerId waited until the first
 * `transaction()`, after the state had been read. Seen in a chaos run after a broker SIGKILL: the journal
 * got two events with one account sequence ("acc-203: sequence 10 after 10").
 */
describe('a partition made ready fences what its transactional id left in flight', () => {
  const kafka = new KafkaFixture();
  after(() => kafka.close());

  it('given a transaction left open by an earlier producer of the id, when the partition is made ready, then that producer can no longer commit it', async () => {
    const [input, output] = await kafka.topics(
      { name: 'txn-ready-in', partitions: 1 },
      { name: 'txn-ready-out', partitions: 1 },
    );
    const prefix = uniqueName('txn-ready');
    const zombie = idempotentProducer(kafka.kafka, `${prefix}.${input}.0`);
    await zombie.connect();
    const transaction = await zombie.transaction();
    await transaction.send({ topic: output, messages: [{ key: 'a', value: 'in doubt' }] });

    const producers = new TransactionalProducers(kafka.kafka, prefix);
    try {
      await producers.ready(input, 0);
      await assert.rejects(transaction.commit(), /fenced|epoch|invalid/i);
      assert.deepEqual(await readCommitted(kafka.kafka, output), []);
    } finally {
      await producers.close();
      await zombie.disconnect();
    }
  });
});
