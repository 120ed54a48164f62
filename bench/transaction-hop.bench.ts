// One transactional hop as the services' loops commit it (libs/kafka TransactionalProducers: outputs +
// consumed offset + commit), transactions back to back on one partition as a loop with a backlog does;
// how often the broker refuses the next one as concurrent (CONCURRENT_TRANSACTIONS, until the previous
// one's markers are written) and how long kafkajs then waits before retrying.
// Run: npm run build && npm run bench -- transaction-hop [--transactions 300]
import { parseArgs } from 'node:util';
import { kafkaBrokersFromEnv } from '@clearing/config';
import { createKafka, TransactionalProducers } from '@clearing/kafka';
import { KafkaFixture, uniqueName } from '@clearing/testing';
import { percentiles } from './support/leg-latency';

const { values: args } = parseArgs({ options: { transactions: { type: 'string', default: '300' } } });
const TRANSACTIONS = Number(args.transactions);
/** kafkajs' text for CONCURRENT_TRANSACTIONS, logged with the wait before its next attempt. */
const CONCURRENT = /another concurrent operation on the same transaction/;

async function main(): Promise<void> {
  const fixture = new KafkaFixture();
  const [input, output] = await fixture.topics(
    { name: 'bench-hop-in', partitions: 1 },
    { name: 'bench-hop-out', partitions: 1 },
  );
  const retryWaitsMs: number[] = [];
  const kafka = createKafka({
    clientId: uniqueName('bench-hop'),
    brokers: kafkaBrokersFromEnv(),
    log: (_level, message, detail) => {
      if (CONCURRENT.test(message)) retryWaitsMs.push((detail as { retryTime: number }).retryTime);
    },
  });
  const producers = new TransactionalProducers(kafka, uniqueName('bench-hop'));
  const consumerGroupId = uniqueName('bench-hop-group');
  const commitMs: number[] = [];
  try {
    await producers.ready(input, 0);
    for (let n = 1; n <= TRANSACTIONS; n++) {
      const startedAt = performance.now();
      const outputs = [{ topic: output, key: 'a', value: String(n) }];
      await producers.commit(outputs, { consumerGroupId, topic: input, partition: 0, nextOffset: String(n) });
      commitMs.push(performance.now() - startedAt);
    }
  } finally {
    await producers.close();
    await fixture.close();
  }
  const p = percentiles(commitMs);
  const waited = retryWaitsMs.reduce((sum, ms) => sum + ms, 0);
  process.stdout.write(
    `${TRANSACTIONS} transactions: p50 ${p.p50.toFixed(1)} ms, p90 ${p.p90.toFixed(1)}, p99 ${p.p99.toFixed(1)}, ` +
      `max ${p.max.toFixed(1)}; refused as concurrent ${retryWaitsMs.length} times, ` +
      `backoff ${(waited / TRANSACTIONS).toFixed(1)} ms per transaction on average\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
