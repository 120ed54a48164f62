import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import { ensureInfra } from './index';

/**
 * The broker pinned in infra/kafka/pom.xml must serve everything the services do with kafkajs 2.2.4:
 * Kafka 4.0 removed old protocol versions (KIP-896), so this is the check to rerun when bumping that pin.
 */
const RUN = `compat-${randomUUID().slice(0, 8)}`;
const INPUT = `${RUN}.input`;
const OUTPUT = `${RUN}.output`;
const WAIT_MS = 30_000;

async function collect(consumer: Consumer, topic: string, count: number, settleMs = 0): Promise<string[]> {
  const values: string[] = [];
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`got ${values.length} of ${count} from ${topic}`)),
      WAIT_MS,
    );
    void consumer.run({
      eachMessage: async ({ message }) => {
        values.push(String(message.value));
        if (values.length === count) {
          clearTimeout(timer);
          setTimeout(resolve, settleMs);
        }
      },
    });
  });
  await consumer.disconnect();
  return values;
}

describe('Kafka broker compatibility with kafkajs 2.2.4', () => {
  let kafka: Kafka;
  let admin: Admin;

  before(async () => {
    const { kafkaBrokers } = await ensureInfra();
    kafka = new Kafka({ clientId: RUN, brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
  });

  after(async () => {
    await admin.deleteTopics({ topics: [INPUT, OUTPUT] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('given the admin client, when it creates topics, then they are listed with their partitions', async () => {
    const created = await admin.createTopics({
      topics: [
        { topic: INPUT, numPartitions: 2 },
        { topic: OUTPUT, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    assert.equal(created, true);
    const metadata = await admin.fetchTopicMetadata({ topics: [INPUT] });
    assert.equal(metadata.topics[0].partitions.length, 2);
  });

  it('given a producer, when it sends keyed messages, then topic offsets advance and a consumer reads them', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: INPUT, messages: [1, 2, 3].map((n) => ({ key: `k${n}`, value: `v${n}` })) });
    await producer.disconnect();

    const offsets = await admin.fetchTopicOffsets(INPUT);
    assert.equal(
      offsets.reduce((sum, p) => sum + Number(p.high), 0),
      3,
    );
    const values = await collect(kafka.consumer({ groupId: `${RUN}.plain` }), INPUT, 3);
    assert.deepEqual([...values].sort(), ['v1', 'v2', 'v3']);
  });

  it('given a transactional producer, when one transaction commits with offsets and one aborts, then read_committed sees only the commit', async () => {
    const producer = kafka.producer({
      transactionalId: `${RUN}.tx`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const committed = await producer.transaction();
    await committed.send({ topic: OUTPUT, messages: [{ key: 'a', value: 'committed' }] });
    await committed.sendOffsets({
      consumerGroupId: `${RUN}.tx-group`,
      topics: [{ topic: INPUT, partitions: [{ partition: 0, offset: '1' }] }],
    });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic: OUTPUT, messages: [{ key: 'a', value: 'aborted' }] });
    await aborted.abort();
    await producer.disconnect();

    const groupOffsets = await admin.fetchOffsets({ groupId: `${RUN}.tx-group`, topics: [INPUT] });
    assert.equal(groupOffsets[0].partitions.find((p) => p.partition === 0)?.offset, '1');
    const reader = kafka.consumer({ groupId: `${RUN}.committed`, readUncommitted: false });
    assert.deepEqual(await collect(reader, OUTPUT, 1, 2000), ['committed']);
  });

  it('given the test topics, when the admin deletes them, then they are no longer listed', async () => {
    await admin.deleteTopics({ topics: [INPUT, OUTPUT] });
    const topics = await admin.listTopics();
    assert.equal(topics.includes(INPUT) || topics.includes(OUTPUT), false);
  });
});
