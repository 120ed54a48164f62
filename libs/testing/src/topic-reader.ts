import { readTopicToEnd, TopicRecord } from '@clearing/kafka';
import { Kafka } from 'kafkajs';

/** Everything committed on a topic (read_committed), as a downstream consumer would see it. */
export async function readCommitted(kafka: Kafka, topic: string): Promise<TopicRecord[]> {
  const records: TopicRecord[] = [];
  await readTopicToEnd(kafka, topic, (batch) => void records.push(...batch));
  return records;
}
