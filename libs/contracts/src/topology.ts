import { Topic, TOPICS, topicsFor } from './topics';

/** How a system topic is laid out. Plain data, so producers' teams and ops read it without Kafka code. */
export interface TopicLayout {
  topic: Topic;
  /** The unit of scale: no service runs more instances than this, per topic. */
  partitions: number;
  /** Latest value per key (marks per instrument, margin per account) instead of a history. */
  compacted: boolean;
  /** Inputs from outside get a `.dlq` twin for what fails validation. */
  withDeadLetterTopic: boolean;
  /**
   * Never deleted by age: the journal is the book of record, and `clearing verify`, `clearing replay` and
   * a projection rebuilt from scratch read it from offset 0 (the broker's default retention is 7 days).
   */
  retainedForever: boolean;
}

/** Account-keyed and instrument-keyed topics share one partition count so co-partitioned joins line up. */
export const SYSTEM_PARTITIONS = 6;

const layout = (
  topic: Topic,
  compacted: boolean,
  withDeadLetterTopic: boolean,
  retainedForever = false,
): TopicLayout => ({
  topic,
  partitions: SYSTEM_PARTITIONS,
  compacted,
  withDeadLetterTopic,
  retainedForever,
});

/** Every topic the system needs under a set of names (see topicsFor); `clearing infra up` creates the missing ones. */
export function systemTopicsFor(topics: ReturnType<typeof topicsFor> = TOPICS): TopicLayout[] {
  return [
    layout(topics.fills, false, true),
    layout(topics.oraclePrices, false, true),
    layout(topics.ledgerCommands, false, true),
    layout(topics.ledgerJournal, false, false, true),
    layout(topics.marks, true, false),
    layout(topics.margin, true, false),
    layout(topics.liquidations, false, false),
    layout(topics.settlements, false, false),
    // One summary per journal partition (a handful of keys), read whole by every deleveraging instance:
    // one partition is enough and compaction keeps only each partition's latest.
    {
      topic: topics.riskSummaries,
      partitions: 1,
      compacted: true,
      withDeadLetterTopic: false,
      retainedForever: false,
    },
  ];
}

/** The system topics of this process's namespace (the broker auto-creates none). */
export const SYSTEM_TOPICS: readonly TopicLayout[] = systemTopicsFor();

/**
 * The position aggregator's consumer groups. Public topology, like the topics: `clearing verify`, the demo
 * and tests read the projection group's committed offsets to know the projection has caught up.
 */
export const INTAKE_GROUP = 'position-aggregator.intake';
export const WRITER_GROUP = 'position-aggregator.writer';
export const PROJECTION_GROUP = 'position-aggregator.projection';
export const EXPIRY_GROUP = 'position-aggregator.expiry';
