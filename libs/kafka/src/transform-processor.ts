import { toDeadLetter } from './dead-letter';
import { Assignment, BatchContext, BatchProcessor } from './batch-consumer';
import { LoopMetrics, reportBatch } from './loop-metrics';
import { KafkaMessage } from 'kafkajs';
import {
  DecodedBatch,
  Decoder,
  OutboundMessage,
  RejectedMessage,
  splitByDecoder,
  TransformResult,
} from './messages';
import { BatchCommitter } from './transactional-producers';

/** What one batch's transaction carried: outputs, forwards and dead letters, and the refusals behind the latter. */
interface Committed {
  published: OutboundMessage[];
  rejected: RejectedMessage[];
  forwardedCount: number;
}

export interface TransformProcessorOptions<T> {
  groupId: string;
  decode: Decoder<T>;
  /** The decision step: accepted input messages in; messages to publish (and business refusals) out. */
  transform(batch: DecodedBatch<T>): Promise<OutboundMessage[] | TransformResult>;
  /** Told when the group rebalanced, so per-partition state derived elsewhere can be rebuilt. */
  onAssignment?: (assignment: Assignment) => void;
  producers: BatchCommitter;
  /**
   * Next offsets this service itself committed, per `topic:partition`; pass the same map to a loop that
   * replaces a dead one (see ownCommitted below).
   */
  ownCommitted?: Map<string, bigint>;
  metrics?: LoopMetrics;
}

/**
 * Exactly-once Kafka -> Kafka: outputs, dead letters and the consumed offset go in one Kafka
 * transaction. Offsets are resolved in kafkajs only after the commit, so a failed batch is fetched again
 * from the last committed position; and anything below that position is dropped, so a re-delivery after
 * a commit can never be transformed twice.
 */
/** Shared by every processor of the process, so two loops (a dead one and its replacement) never share one. */
let nextStateEpoch = 1;

export class TransformProcessor<T> implements BatchProcessor {
  private readonly committedNext = new Map<string, bigint>();
  /** The state epoch of each partition (see DecodedBatch.stateEpoch). */
  private readonly stateEpochs = new Map<string, number>();
  /**
   * What this member itself committed, kept across rebalances: right after a broker restart the group
   * coordinator can still answer an offset from before a transaction whose commit already returned.
   */
  private readonly ownCommitted: Map<string, bigint>;
  /** The batch of each partition being processed: a partition's batches never overlap. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly options: TransformProcessorOptions<T>) {
    this.ownCommitted = options.ownCommitted ?? new Map();
  }

  async open(): Promise<void> {
    // Producers connect lazily, one per input partition, when that partition's first batch arrives.
  }

  onAssignment(assignment: Assignment): void {
    this.committedNext.clear();
    this.stateEpochs.clear();
    this.options.producers.expireAll();
    this.options.onAssignment?.(assignment);
  }

  /**
   * After a rebalance kafkajs can hand a partition's batch to a new eachBatch while the previous
   * generation's batch of it is still committing; run them one after the other, so the second sees what
   * the first committed instead of transforming the same messages again.
   */
  async process(context: BatchContext): Promise<void> {
    const key = `${context.batch.topic}:${context.batch.partition}`;
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => this.processAlone(context));
    this.inFlight.set(key, current);
    try {
      await current;
    } finally {
      if (this.inFlight.get(key) === current) this.inFlight.delete(key);
    }
  }

  private async processAlone(context: BatchContext): Promise<void> {
    const { topic, partition } = context.batch;
    const key = `${topic}:${partition}`;
    const lastOffset = context.batch.lastOffset();
    if (this.freshOf(context, this.committedNext.get(key)).length === 0)
      return context.resolveOffset(lastOffset);
    // Before any state is read: a fresh producer settles this partition's earlier transactions first.
    await this.options.producers.ready(topic, partition);
    if (!this.committedNext.has(key)) await this.positionAtCommitted(topic, partition);
    const fresh = this.freshOf(context, this.committedNext.get(key));
    if (fresh.length === 0) return context.resolveOffset(lastOffset);
    const nextOffset = (BigInt(lastOffset) + 1n).toString();
    let committed: Committed;
    try {
      committed = await this.transformAndCommit(topic, partition, fresh, context, nextOffset);
    } catch (error) {
      // The outcome may be in doubt: the committed offset and state are read again once a fresh producer
      // settled it, and nothing this batch changed in memory is decided against again.
      this.committedNext.delete(key);
      this.stateEpochs.delete(key);
      throw error;
    }
    context.resolveOffset(lastOffset);
    this.committedNext.set(key, BigInt(nextOffset));
    this.ownCommitted.set(key, BigInt(nextOffset));
    const { published, rejected, forwardedCount } = committed;
    reportBatch(this.options.metrics, topic, fresh.length, published, rejected, forwardedCount);
  }

  private stateEpochOf(key: string): number {
    let epoch = this.stateEpochs.get(key);
    if (epoch === undefined) {
      epoch = nextStateEpoch++;
      this.stateEpochs.set(key, epoch);
    }
    return epoch;
  }

  private freshOf(context: BatchContext, floor = -1n): KafkaMessage[] {
    return context.batch.messages.filter((m) => BigInt(m.offset) >= floor);
  }

  /**
   * The group's committed offset, read after the producer settled this partition's transactions. The
   * position kafkajs fetched when it joined can predate a transaction that was still completing (kafkajs
   * cannot ask for stable offsets, KIP-447): without this, a broker restart re-delivered a committed batch.
   */
  private async positionAtCommitted(topic: string, partition: number): Promise<void> {
    const key = `${topic}:${partition}`;
    const committed =
      (await this.options.producers.committedOffset(this.options.groupId, topic, partition)) ?? -1n;
    const own = this.ownCommitted.get(key) ?? -1n;
    this.committedNext.set(key, committed > own ? committed : own);
  }

  private async transformAndCommit(
    topic: string,
    partition: number,
    fresh: KafkaMessage[],
    context: BatchContext,
    nextOffset: string,
  ): Promise<Committed> {
    const split = splitByDecoder(topic, partition, fresh, this.options.decode);
    const heartbeat = () => context.heartbeat();
    const stateEpoch = this.stateEpochOf(`${topic}:${partition}`);
    const result =
      split.accepted.length > 0
        ? await this.options.transform({ topic, partition, messages: split.accepted, heartbeat, stateEpoch })
        : [];
    const {
      outputs,
      rejected: refused = [],
      forwarded = [],
    } = Array.isArray(result) ? { outputs: result } : result;
    const rejected = [...split.rejected, ...refused];
    const published = [...outputs, ...forwarded, ...rejected.map(toDeadLetter)];
    await this.options.producers.commit(published, {
      consumerGroupId: this.options.groupId,
      topic,
      partition,
      nextOffset,
    });
    return { published, rejected, forwardedCount: forwarded.length };
  }

  close(): Promise<void> {
    return this.options.producers.close();
  }
}
