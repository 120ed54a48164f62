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
 * of the committed journal plus the batches decided in its state epoch (DecodedBatch.stateEpoch). The
 * loop starts a new epoch after a rebalance or a batch that did not commit, and each loop has its own,
 * so the next batch re-reads the shard from the journal, after the loop initialised the partition's
 * transactional producer (which settles any transaction still in flight): the fold never misses a commit,
 * and never carries what an aborted batch or another loop changed in memory.
 */
export class JournalShards {
  private readonly shards = new Map<number, { epoch: number; shard: Promise<ShardLedger> }>();

  constructor(
    private readonly read: JournalPartitionReader,
    private readonly policy: CyclePolicy,
    private readonly scaleOf: (asset: string) => number,
    private readonly instruments: ReadonlyMap<string, RegisteredTerms>,
  ) {}

  /** `heartbeat` keeps the group membership alive while a long journal is read. */
  get(partition: number, epoch: number, heartbeat: () => Promise<void>): Promise<ShardLedger> {
    const kept = this.shards.get(partition);
    if (kept?.epoch === epoch) return kept.shard;
    const shard = this.restore(partition, heartbeat);
    const entry = { epoch, shard };
    this.shards.set(partition, entry);
    shard.catch(() => this.shards.get(partition) === entry && this.shards.delete(partition));
    return shard;
  }

  /**
   * Whether the partition's open netting cycle may be due at `at` (RFC 3339), as far as the state last
   * read knows; true when none was read yet. Only a hint for the clock: the writer decides the tick
   * against the committed journal.
   */
  async mayBeDue(partition: number, at: string): Promise<boolean> {
    const kept = this.shards.get(partition);
    if (kept === undefined) return true;
    return kept.shard.then(
      (shard) => shard.cycleDueAt(at),
      () => true,
    );
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
