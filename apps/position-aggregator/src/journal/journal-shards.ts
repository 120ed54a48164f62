import {
  CyclePolicy,
  JournalCodec,
  JournalEvent,
  JournalEventWire,
  RegisteredTerms,
  ShardLedger,
} from '@clearing/ledger';
import { Kafka } from 'kafkajs';
import { TOPICS } from '@clearing/contracts';
import { readTopicToEnd } from '@clearing/kafka';

/** Feeds the committed journal events of one partition, in order, to `onEvents` (read_committed). */
export type JournalPartitionReader = (
  partition: number,
  onEvents: (events: JournalEvent[]) => void,
  heartbeat: () => Promise<void>,
) => Promise<void>;

/**
 * The writer's state per owned shard, and the rule that keeps it honest: a shard is only ever the fold
 * of the committed journal plus the batch being decided. Whatever that batch changed is thrown away if
 * its transaction does not commit (`forget`), and the next batch re-reads the shard from the journal.
 * Shards are read lazily, on their partition's first batch, after the loop has initialised the
 * partition's transactional producer (which settles any transaction still in flight), so the fold
 * never misses a commit that is about to become visible.
 */
export class JournalShards {
  private readonly shards = new Map<number, Promise<ShardLedger>>();

  constructor(
    private readonly read: JournalPartitionReader,
    private readonly policy: CyclePolicy,
    private readonly scaleOf: (asset: string) => number,
    private readonly instruments: ReadonlyMap<string, RegisteredTerms>,
  ) {}

  /** `heartbeat` keeps the group membership alive while a long journal is read. */
  get(partition: number, heartbeat: () => Promise<void>): Promise<ShardLedger> {
    let shard = this.shards.get(partition);
    if (!shard) {
      shard = this.restore(partition, heartbeat);
      this.shards.set(partition, shard);
      shard.catch(() => this.forget(partition));
    }
    return shard;
  }

  forget(partition: number): void {
    this.shards.delete(partition);
  }

  forgetAll(): void {
    this.shards.clear();
  }

  private async restore(partition: number, heartbeat: () => Promise<void>): Promise<ShardLedger> {
    const shard = new ShardLedger(partition, this.policy, this.scaleOf, this.instruments);
    await this.read(partition, (events) => events.forEach((event) => shard.restore(event)), heartbeat);
    return shard;
  }
}

/** Reads a journal partition from Kafka, heart-beating the caller's group membership as it goes. */
export function kafkaJournalReader(kafka: Kafka, codec: JournalCodec): JournalPartitionReader {
  return async (partition, onEvents, heartbeat) => {
    await readTopicToEnd(
      kafka,
      TOPICS.ledgerJournal,
      async (records) => {
        onEvents(records.map((r) => codec.fromWire(JSON.parse(r.value!.toString()) as JournalEventWire)));
        await heartbeat();
      },
      { partitions: [partition] },
    );
  };
}
