import { Consumer, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { Decoder } from './messages';
import { retryRetriable } from './topic-reader';

export interface BroadcastFeedOptions<T> {
  readonly kafka: Kafka;
  readonly topic: string;
  /** Prefix of the throwaway group id: a fresh group per start, so every instance reads every partition. */
  readonly groupPrefix: string;
  readonly decode: Decoder<T>;
  /** Valid messages of one fetched batch, in partition order; `caughtUp` once the start's end was reached. */
  onMessages(messages: T[], caughtUp: boolean): Promise<void> | void;
  /** Once, when every partition has been read up to the end offsets seen at start (synchronous: it only signals). */
  onCaughtUp(): void;
  /** A message that fails its schema (the topic is internal: counted and logged, nothing to dead-letter). */
  onInvalid(reason: string, partition: number, offset: string): void;
}

/**
 * Reads a whole topic on every instance (marks.v1 for the margin calculator: every account may hold every
 * instrument), from the beginning, under a group of its own that commits nothing, so the state it feeds is
 * rebuilt from the log on each start and Kafka forgets the group when the instance leaves. kafkajs has no
 * manual partition assignment; a one-member group is its equivalent.
 */
export class BroadcastFeed<T> {
  private consumer: Consumer | undefined;
  private caughtUp = false;

  constructor(private readonly options: BroadcastFeedOptions<T>) {}

  isCaughtUp(): boolean {
    return this.caughtUp;
  }

  async start(): Promise<void> {
    const { kafka, topic } = this.options;
    const pending = await this.endOffsets();
    const groupId = `${this.options.groupPrefix}.${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const consumer = (this.consumer = kafka.consumer({ groupId, readUncommitted: false }));
    // END_BATCH_PROCESS also fires for batches of only transaction markers, which eachBatch never sees.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) =>
      this.advance(pending, payload.partition, BigInt(payload.lastOffset) + 1n),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    this.advance(pending);
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const values: T[] = [];
        for (const message of batch.messages) {
          const decoded = this.options.decode(topic, message.value);
          if (decoded.ok) values.push(decoded.value);
          else this.options.onInvalid(decoded.reason, batch.partition, message.offset);
        }
        if (values.length > 0) await this.options.onMessages(values, this.caughtUp);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async endOffsets(): Promise<Map<number, bigint>> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      const offsets = await retryRetriable(() => admin.fetchTopicOffsets(this.options.topic));
      return new Map(offsets.filter((o) => o.high !== o.low).map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  private advance(pending: Map<number, bigint>, partition?: number, position?: bigint): void {
    if (partition !== undefined && position !== undefined && position >= (pending.get(partition) ?? 0n)) {
      pending.delete(partition);
    }
    if (this.caughtUp || pending.size > 0) return;
    this.caughtUp = true;
    this.options.onCaughtUp();
  }
}
