import { OutboundMessage, RejectedMessage } from './messages';

/** Header names on every dead letter; docs/contracts.md documents them for DLQ consumers. */
export const DLQ_HEADER = {
  reason: 'dlq.reason',
  reasonCode: 'dlq.reason.code',
  sourceTopic: 'dlq.source.topic',
  sourcePartition: 'dlq.source.partition',
  sourceOffset: 'dlq.source.offset',
} as const;

export function dlqTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * The dead letter keeps the ORIGINAL key and value bytes untouched (so the producer team can replay or
 * debug exactly what it sent, even if it was not UTF-8) and says why and where in headers, as Kafka
 * Connect's DLQ does. Original headers are kept too.
 */
export function toDeadLetter(rejected: RejectedMessage): OutboundMessage & { value: Buffer } {
  const originalHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(rejected.raw.headers ?? {})) {
    if (value !== undefined)
      originalHeaders[name] = Array.isArray(value) ? value.join(',') : value.toString();
  }
  return {
    topic: dlqTopicFor(rejected.topic),
    key: rejected.raw.key,
    value: rejected.raw.value ?? Buffer.alloc(0),
    headers: {
      ...originalHeaders,
      [DLQ_HEADER.reason]: rejected.reason,
      [DLQ_HEADER.reasonCode]: rejected.code,
      [DLQ_HEADER.sourceTopic]: rejected.topic,
      [DLQ_HEADER.sourcePartition]: String(rejected.partition),
      [DLQ_HEADER.sourceOffset]: rejected.offset,
    },
  };
}
