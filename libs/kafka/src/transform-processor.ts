import { toDeadLetter } from './dead-letter';
import { Assignment, BatchContext, BatchProcessor } from './batch-consumer';
import { LoopMetrics, reportBatch } from './loop-metrics';
import { DecodedBatch, Decoder, OutboundMessage, splitByDecoder, TransformResult } from './messages';
import { TransactionalProducers } from './transactional-producers';

export interface TransformProcessorOptions<T> {
  groupId: string;
  decode: Decoder<T>;
  /** The decision step: accepted input messages in; messages to publish (and business refusals) out. */
  transform(batch: DecodedBatch<T>): Promise<OutboundMessage[] | TransformResult>;
  /** Told when the group rebalanced, so per-partition state derived elsewhere can be rebuilt. */
  onAssignment?: (assignment: Assignment) => void;
  producers: TransactionalProducers;
  metrics?: LoopMetrics;
}

/**
 * Exactly-once Kafka -> Kafka: outputs, dead letters and the consumed offset go in one Kafka
 * transaction. Offsets are resolved in kafkajs only after the commit, so a failed batch is fetched again
 * from the last committed position; and anything below that position is dropped, so a re-delivery after
 * a commit can never be transformed twice.
 */
export class TransformProcessor<T> implements BatchProcessor {
  private readonly committedNext = new Map<string, bigint>();

  constructor(private readonly options: TransformProcessorOptions<T>) {}

  async open(): Promise<void> {
    // Producers connect lazily, one per input partition, when that partition's first batch arrives.
  }

  onAssignment(assignment: Assignment): void {
    this.committedNext.clear();
    this.options.onAssignment?.(assignment);
  }

  async process(context: BatchContext): Promise<void> {
    const { topic, partition } = context.batch;
    const key = `${topic}:${partition}`;
    const floor = this.committedNext.get(key) ?? -1n;
    const fresh = context.batch.messages.filter((m) => BigInt(m.offset) >= floor);
    const lastOffset = context.batch.lastOffset();
    if (fresh.length === 0) return context.resolveOffset(lastOffset);

    const split = splitByDecoder(topic, partition, fresh, this.options.decode);
    const heartbeat = () => context.heartbeat();
    const result =
      split.accepted.length > 0
        ? await this.options.transform({ topic, partition, messages: split.accepted, heartbeat })
        : [];
    const { outputs, rejected: refused = [] } = Array.isArray(result) ? { outputs: result } : result;
    const rejected = [...split.rejected, ...refused];
    const deadLetters = rejected.map(toDeadLetter);
    const nextOffset = (BigInt(lastOffset) + 1n).toString();
    await this.options.producers.commit([...outputs, ...deadLetters], {
      consumerGroupId: this.options.groupId,
      topic,
      partition,
      nextOffset,
    });
    context.resolveOffset(lastOffset);
    this.committedNext.set(key, BigInt(nextOffset));
    reportBatch(this.options.metrics, topic, fresh.length, [...outputs, ...deadLetters], rejected);
  }

  close(): Promise<void> {
    return this.options.producers.close();
  }
}
