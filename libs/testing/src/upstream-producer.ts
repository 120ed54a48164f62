import { Kafka, Message } from 'kafkajs';

/**
 * Publishes the way an upstream matching engine would: a plain, non-transactional kafkajs producer that
 * knows nothing of this codebase, sending raw bytes (valid or not).
 */
export async function publishRaw(
  kafka: Kafka,
  topic: string,
  messages: Message[],
  chunkSize = 1000,
): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += chunkSize) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + chunkSize) });
    }
  } finally {
    await producer.disconnect();
  }
}
