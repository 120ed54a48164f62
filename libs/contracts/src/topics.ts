// Every topic name lives here and nowhere else. The suffix is the contract's major version:
// an incompatible change is a new topic (fills.v2), never an in-place edit.

export const TOPICS = {
  fills: 'fills.v1',
  oraclePrices: 'oracle.prices.v1',
  ledgerCommands: 'ledger.commands.v1',
  ledgerJournal: 'ledger.journal.v1',
  marks: 'marks.v1',
  margin: 'margin.v1',
  liquidations: 'liquidations.v1',
  settlements: 'settlements.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

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
