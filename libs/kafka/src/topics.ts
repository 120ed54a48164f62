import { Admin, ITopicConfig } from 'kafkajs';
import { dlqTopicOf } from '@clearing/contracts';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Latest-value topics (marks, margin) keep the last record per key forever. */
  compacted?: boolean;
  /** Input topics get a `.dlq` twin with the same partition count. */
  withDeadLetterTopic?: boolean;
}

/** Creates every missing topic (and DLQ twin); existing topics are left as they are. Idempotent. */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const wanted: ITopicConfig[] = [];
  for (const spec of specs) {
    wanted.push(topicConfig(spec.topic, spec.partitions, spec.compacted));
    if (spec.withDeadLetterTopic) wanted.push(topicConfig(dlqTopicOf(spec.topic), spec.partitions, false));
  }
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
}

function topicConfig(topic: string, numPartitions: number, compacted = false): ITopicConfig {
  return {
    topic,
    numPartitions,
    replicationFactor: -1, // the broker default: 1 on the local single node, 3 on the production cluster
    configEntries: compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
  };
}
