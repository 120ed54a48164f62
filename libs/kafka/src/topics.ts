import { Admin, ITopicConfig } from 'kafkajs';
import { dlqTopicOf } from '@clearing/contracts';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Latest-value topics (marks, margin) keep the last record per key forever. */
  compacted?: boolean;
  /** Input topics get a `.dlq` twin with the same partition count. */
  withDeadLetterTopic?: boolean;
  /** The book of record: never deleted by age (the broker's default retention is 7 days). */
  retainedForever?: boolean;
}

/** Creates every missing topic (and DLQ twin); existing topics are left as they are. Idempotent. */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topicConfigs(specs).filter((t) => !existing.has(t.topic));
  if (missing.length === 0) return;
  await admin.createTopics({ topics: missing, waitForLeaders: false });
  await waitForLeaders(admin, missing);
}

const LEADERS_TIMEOUT_MS = 60_000;
const LEADERS_POLL_MS = 200;

/**
 * Until every partition of `topics` has a leader. kafkajs' own `waitForLeaders` gives up on the first
 * UNKNOWN_TOPIC_OR_PARTITION, which a loaded broker answers for a moment after creating the topic (the
 * controller has it, the metadata cache not yet): that is retried here like "no leader yet".
 */
async function waitForLeaders(admin: Admin, topics: readonly ITopicConfig[]): Promise<void> {
  const deadlineMs = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    const ready = await everyPartitionLed(admin, topics).catch(() => false);
    if (ready) return;
    if (Date.now() > deadlineMs) {
      const names = topics.map((t) => t.topic).join(', ');
      throw new Error(`topics without leaders after ${LEADERS_TIMEOUT_MS} ms: ${names}`);
    }
    await new Promise((resolve) => setTimeout(resolve, LEADERS_POLL_MS));
  }
}

async function everyPartitionLed(admin: Admin, topics: readonly ITopicConfig[]): Promise<boolean> {
  const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
  const partitionsOf = new Map(metadata.topics.map((t) => [t.name, t.partitions]));
  return topics.every((topic) => {
    const partitions = partitionsOf.get(topic.topic) ?? [];
    return partitions.length === topic.numPartitions && partitions.every((p) => p.leader >= 0);
  });
}

/**
 * Every topic of `specs` as the broker should hold it, `.dlq` twins included (plain topics: a reject is
 * evidence, kept for the default retention). Also what the k8s KafkaTopic resources are checked against.
 */
export function topicConfigs(specs: readonly TopicSpec[]): ITopicConfig[] {
  return specs.flatMap((spec) => [
    topicConfig(spec.topic, spec.partitions, spec),
    ...(spec.withDeadLetterTopic ? [topicConfig(dlqTopicOf(spec.topic), spec.partitions, {})] : []),
  ]);
}

function topicConfig(
  topic: string,
  numPartitions: number,
  { compacted, retainedForever }: Pick<TopicSpec, 'compacted' | 'retainedForever'>,
): ITopicConfig {
  return {
    topic,
    numPartitions,
    replicationFactor: -1, // the broker default: 1 on the local single node, 3 on the production cluster
    configEntries: [
      { name: 'cleanup.policy', value: compacted ? 'compact' : 'delete' },
      ...(retainedForever ? [{ name: 'retention.ms', value: '-1' }] : []),
    ],
  };
}
