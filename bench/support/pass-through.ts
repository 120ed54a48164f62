import { randomBytes } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { ensureTopics } from '@clearing/kafka';

export type PassThroughMode = 'plain' | 'transactional';

/**
 * The ceiling: the same fill messages read by a bare kafkajs consumer group (eachBatch, read_committed,
 * 1 MB per partition, one partition at a time, like the service's loop) and written unchanged to another
 * topic with acks -1: either plain sends, or one transaction per batch carrying its consumed offset
 * (sendOffsets), one transactional producer per input partition as the service does. The clock starts at
 * the first send, as the aggregator's starts at its first leg command. Returns messages per second.
 */
export async function passThroughRate(
  kafka: Kafka,
  from: string,
  to: string,
  expected: number,
  mode: PassThroughMode,
): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [{ topic: to, partitions: (await admin.fetchTopicOffsets(from)).length }]);
  const groupId = `bench-pass-through-${mode}-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, readUncommitted: false, maxBytesPerPartition: 1_048_576 });
  const producers = new ProducerPool(kafka, mode, groupId);
  let firstSendAt = 0;
  let written = 0;
  try {
    const lastAckAt = await new Promise<number>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      void (async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [from], fromBeginning: true });
        await consumer.run({
          autoCommit: mode === 'plain',
          partitionsConsumedConcurrently: 1,
          eachBatch: async ({ batch }) => {
            if (batch.messages.length === 0) return;
            firstSendAt ||= Date.now();
            const messages = batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers }));
            const nextOffset = (BigInt(batch.lastOffset()) + 1n).toString();
            await producers.write(batch.partition, { topic: to, messages }, { topic: from, nextOffset });
            written += messages.length;
            if (written >= expected) resolve(Date.now());
          },
        });
      })().catch(reject);
    });
    return (expected * 1000) / (lastAckAt - firstSendAt);
  } finally {
    await consumer.disconnect();
    await producers.close();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

type Batch = { topic: string; messages: { key: Buffer | null; value: Buffer | null }[] };

class ProducerPool {
  private readonly producers = new Map<number, Promise<Producer>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly mode: PassThroughMode,
    private readonly groupId: string,
  ) {}

  async write(
    partition: number,
    batch: Batch,
    consumed: { topic: string; nextOffset: string },
  ): Promise<void> {
    const producer = await this.producerFor(partition);
    if (this.mode === 'plain') {
      await producer.send({ ...batch, acks: -1 });
      return;
    }
    const transaction = await producer.transaction();
    await transaction.send({ ...batch, acks: -1 });
    await transaction.sendOffsets({
      consumerGroupId: this.groupId,
      topics: [{ topic: consumed.topic, partitions: [{ partition, offset: consumed.nextOffset }] }],
    });
    await transaction.commit();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.producers.values()].map(async (p) => (await p).disconnect()));
  }

  private producerFor(partition: number): Promise<Producer> {
    let producer = this.producers.get(partition);
    if (!producer) {
      producer = this.connect(partition);
      this.producers.set(partition, producer);
    }
    return producer;
  }

  private async connect(partition: number): Promise<Producer> {
    const transactional =
      this.mode === 'transactional'
        ? { transactionalId: `${this.groupId}.${partition}`, idempotent: true, maxInFlightRequests: 1 }
        : {};
    const producer = this.kafka.producer(transactional);
    await producer.connect();
    return producer;
  }
}
