import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { kafkaBrokersFromEnv } from '@clearing/config';
import { KafkaFixture, uniqueName } from '@clearing/testing';
import { createKafka } from './kafka-client';
import { TransactionalProducers } from './transactional-producers';

/** kafkajs' text for CONCURRENT_TRANSACTIONS, logged with the wait before its next attempt. */
const CONCURRENT = /another concurrent operation on the same transaction/;
const ENOUGH_TRANSACTIONS = 300;

/**
 * A transaction opened right after the previous one of its id committed is refused until the broker has
 * written the previous one's markers; kafkajs retries with the producer's backoff. At kafkajs' 100 ms it
 * added 80 to 120 ms to a share of the aggregator's hops (fill-to-margin p99 400 ms at 200 fills/s).
 */
describe('back-to-back transactions of one partition', () => {
  const fixture = new KafkaFixture();
  after(() => fixture.close());

  it('given transactions committed back to back, when the broker refuses one as concurrent, then its retry waits at most 20 ms', async () => {
    const [input, output] = await fixture.topics(
      { name: 'txn-retry-in', partitions: 1 },
      { name: 'txn-retry-out', partitions: 1 },
    );
    const retryWaitsMs: number[] = [];
    const kafka = createKafka({
      clientId: uniqueName('txn-retry'),
      brokers: kafkaBrokersFromEnv(),
      log: (_level, message, detail) => {
        if (CONCURRENT.test(message)) retryWaitsMs.push((detail as { retryTime: number }).retryTime);
      },
    });
    const producers = new TransactionalProducers(kafka, uniqueName('txn-retry'));
    const consumerGroupId = uniqueName('txn-retry-group');
    try {
      await producers.ready(input, 0);
      for (let n = 1; n <= ENOUGH_TRANSACTIONS && retryWaitsMs.length === 0; n++) {
        const outputs = [{ topic: output, key: 'a', value: String(n) }];
        await producers.commit(outputs, {
          consumerGroupId,
          topic: input,
          partition: 0,
          nextOffset: String(n),
        });
      }
    } finally {
      await producers.close();
    }
    assert.ok(retryWaitsMs.length > 0, `no refusal in ${ENOUGH_TRANSACTIONS} transactions: nothing measured`);
    assert.ok(Math.max(...retryWaitsMs) <= 20, `retry waits ${retryWaitsMs.join(', ')} ms`);
  });
});
