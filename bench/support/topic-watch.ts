import { Kafka, KafkaMessage } from 'kafkajs';
import { uniqueName } from '@clearing/testing';

/** Called for each record with the wall clock of the fetch that delivered it. */
export type RecordHandler = (message: KafkaMessage, receivedAtMs: number) => void;

/**
 * A downstream reader of `topic` from its beginning, read_committed as any consumer of our outputs, on a
 * group of its own. Fetches wait at most 100 ms (the broker answers as soon as it has a record anyway), so
 * the watcher adds little to the latency it observes. Returns its stop.
 */
export async function watchTopic(
  kafka: Kafka,
  topic: string,
  onRecord: RecordHandler,
): Promise<() => Promise<void>> {
  const consumer = kafka.consumer({ groupId: uniqueName('bench-watch'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const receivedAtMs = Date.now();
      for (const message of batch.messages) onRecord(message, receivedAtMs);
    },
  });
  return () => consumer.disconnect();
}
