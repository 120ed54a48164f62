import { FORWARDED_FROM_HEADER } from '@clearing/contracts';
import { ConsumedMessage, OutboundMessage, refuse, RejectedMessage, stringHeadersOf } from './messages';

/**
 * Where a record goes when its owner partition (computed by the consumer, not by the producer's
 * partitioner) is another one: here, to that partition unchanged, or to the DLQ when it was forwarded
 * already (an owner function that disagrees with itself must not make a record bounce forever).
 */
export type Route = { own: true } | { forwarded: OutboundMessage } | { refused: RejectedMessage };

export function routeToOwner<T>(message: ConsumedMessage<T>, ownerPartition: number): Route {
  if (ownerPartition === message.partition) return { own: true };
  const origin = message.headers[FORWARDED_FROM_HEADER];
  if (origin !== undefined) {
    const reason = `forwarded from ${String(origin)} to partition ${message.partition}, owned by ${ownerPartition}`;
    return { refused: refuse(message, reason, 'misrouted') };
  }
  return { forwarded: forwardOf(message, ownerPartition) };
}

/** The same key and value bytes and headers, plus where it came from; the owner decides it as if sent there. */
function forwardOf<T>(message: ConsumedMessage<T>, ownerPartition: number): OutboundMessage {
  const origin = `${message.topic}[${message.partition}]@${message.offset}`;
  return {
    topic: message.topic,
    partition: ownerPartition,
    key: message.raw.key,
    value: message.raw.value ?? Buffer.alloc(0),
    headers: { ...stringHeadersOf(message.raw.headers), [FORWARDED_FROM_HEADER]: origin },
  };
}
