// Every topic name lives here and nowhere else. The suffix is the contract's major version:
// an incompatible change is a new topic (fills.v2), never an in-place edit.

const TOPIC_NAMES = {
  fills: 'fills.v1',
  oraclePrices: 'oracle.prices.v1',
  ledgerCommands: 'ledger.commands.v1',
  ledgerJournal: 'ledger.journal.v1',
  marks: 'marks.v1',
  margin: 'margin.v1',
  liquidations: 'liquidations.v1',
  settlements: 'settlements.v1',
  riskSummaries: 'risk.summaries.v1',
} as const;

/**
 * Typed as the plain names so each topic keeps its message type (MessageByTopic) whatever the
 * namespace; the runtime values are what the process really uses.
 */
type TopicNames = typeof TOPIC_NAMES;

/**
 * The topic names under a namespace (`<namespace>.fills.v1`): end-to-end tests run whole services on
 * their own topics this way, and a shared cluster can host several clearing systems. No namespace gives
 * the plain names.
 */
export function topicsFor(namespace?: string): TopicNames {
  if (!namespace) return TOPIC_NAMES;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(namespace)) throw new Error(`invalid topic namespace "${namespace}"`);
  return Object.fromEntries(
    Object.entries(TOPIC_NAMES).map(([key, name]) => [key, `${namespace}.${name}`]),
  ) as unknown as TopicNames;
}

/** The names this process uses: CLEARING_TOPIC_NAMESPACE, read once at start. */
export const TOPICS = topicsFor(process.env.CLEARING_TOPIC_NAMESPACE);

export type Topic = (typeof TOPIC_NAMES)[keyof typeof TOPIC_NAMES];

export type DlqTopic<T extends string = Topic> = `${T}.dlq`;

/** The dead-letter twin of an input topic: rejected records go there with their original bytes. */
export function dlqTopicOf<T extends string>(topic: T): DlqTopic<T> {
  return `${topic}.dlq`;
}

/**
 * Headers of a dead-letter record (the value is the original bytes unchanged, the key the original key).
 * Documented for producers and operators in docs/contracts.md.
 */
export const DLQ_HEADERS = {
  reason: 'dlq.reason',
  reasonCode: 'dlq.reason.code',
  sourceTopic: 'dlq.source.topic',
  sourcePartition: 'dlq.source.partition',
  sourceOffset: 'dlq.source.offset',
} as const;

/**
 * Set by a consumer that re-published a record to the partition owning it (a producer's partitioner
 * disagreed with the owner function). Value `<topic>[<partition>]@<offset>` of the record it forwards;
 * a forwarded record is never forwarded again, so nothing can bounce between partitions.
 */
export const FORWARDED_FROM_HEADER = 'clearing.forwarded.from';
