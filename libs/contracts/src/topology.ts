import { Topic, TOPICS } from './topics';

/** How a system topic is laid out. Plain data, so producers' teams and ops read it without Kafka code. */
export interface TopicLayout {
  topic: Topic;
  /** The unit of scale: no service runs more instances than this, per topic. */
  partitions: number;
  /** Latest value per key (marks per instrument, margin per account) instead of a history. */
  compacted: boolean;
  /** Inputs from outside get a `.dlq` twin for what fails validation. */
  withDeadLetterTopic: boolean;
}

/** Account-keyed and instrument-keyed topics share one partition count so co-partitioned joins line up. */
export const SYSTEM_PARTITIONS = 6;

const layout = (topic: Topic, compacted: boolean, withDeadLetterTopic: boolean): TopicLayout => ({
  topic,
  partitions: SYSTEM_PARTITIONS,
  compacted,
  withDeadLetterTopic,
});

/** Every topic the system needs; `clearing infra up` creates the missing ones (the broker auto-creates none). */
export const SYSTEM_TOPICS: readonly TopicLayout[] = [
  layout(TOPICS.fills, false, true),
  layout(TOPICS.oraclePrices, false, true),
  layout(TOPICS.ledgerCommands, false, true),
  layout(TOPICS.ledgerJournal, false, false),
  layout(TOPICS.marks, true, false),
  layout(TOPICS.margin, true, false),
  layout(TOPICS.liquidations, false, false),
  layout(TOPICS.settlements, false, false),
];
