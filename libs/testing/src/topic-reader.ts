import { Kafka, KafkaMessage } from 'kafkajs';
import { uniqueName } from './unique';

export type ReadMessage = KafkaMessage & { partition: number };

/**
 * Reads everything committed on a topic (read_committed: aborted transactions are invisible), up to the
 * end offsets seen at call time, as a downstream consumer would.
 */
export async function readCommitted(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const ends = await endOffsets(kafka, topic);
  const remaining = new Map(
    ends.filter((e) => BigInt(e.high) > BigInt(e.low)).map((e) => [e.partition, BigInt(e.high)]),
  );
  const messages: ReadMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}`)), timeoutMs);
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) messages.push({ ...m, partition: batch.partition });
        // The high watermark counts transaction markers too, so "caught up" is judged by it.
        if (BigInt(batch.highWatermark) >= (remaining.get(batch.partition) ?? 0n))
          remaining.delete(batch.partition);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  try {
    await done;
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** End offsets per partition; retried because a just-created topic's leaders may not be known yet. */
async function endOffsets(
  kafka: Kafka,
  topic: string,
): Promise<{ partition: number; high: string; low: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await admin.fetchTopicOffsets(topic);
      } catch (error) {
        if (attempt >= 10 || !(error as { retriable?: boolean }).retriable) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
