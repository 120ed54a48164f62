import { DLQ_HEADERS, dlqTopicOf } from '@clearing/contracts';
import { OutboundMessage, RejectedMessage, stringHeadersOf } from './messages';

/**
 * The dead letter keeps the ORIGINAL key and value bytes untouched (so the producer team can replay or
 * debug exactly what it sent, even if it was not UTF-8) and says why and where in headers, as Kafka
 * Connect's DLQ does. Original headers are kept too.
 */
export function toDeadLetter(rejected: RejectedMessage): OutboundMessage & { value: Buffer } {
  const originalHeaders = stringHeadersOf(rejected.raw.headers);
  return {
    topic: dlqTopicOf(rejected.topic),
    key: rejected.raw.key,
    value: rejected.raw.value ?? Buffer.alloc(0),
    headers: {
      ...originalHeaders,
      [DLQ_HEADERS.reason]: rejected.reason,
      [DLQ_HEADERS.reasonCode]: rejected.code,
      [DLQ_HEADERS.sourceTopic]: rejected.topic,
      [DLQ_HEADERS.sourcePartition]: String(rejected.partition),
      [DLQ_HEADERS.sourceOffset]: rejected.offset,
    },
  };
}
