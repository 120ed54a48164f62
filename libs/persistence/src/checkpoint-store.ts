import { EntityManager } from 'typeorm';
import { parseIntegerText } from './numeric-transformers';

/** What a consumer group has durably applied from one partition, and how it reconciles. */
export interface PartitionCheckpoint {
  partition: number;
  /** Offset of the next message to apply: last applied + 1 (Kafka's commit convention). */
  nextOffset: bigint;
  acceptedCount: bigint;
  rejectedCount: bigint;
}

interface CheckpointRow {
  partition: number;
  next_offset: string;
  accepted_count: string;
  rejected_count: string;
}

function fromRow(row: CheckpointRow): PartitionCheckpoint {
  return {
    partition: row.partition,
    nextOffset: parseIntegerText(row.next_offset),
    acceptedCount: parseIntegerText(row.accepted_count),
    rejectedCount: parseIntegerText(row.rejected_count),
  };
}

/**
 * Consumed offsets stored beside the projection. Every method takes the caller's EntityManager so the
 * checkpoint commits in the SAME transaction as the rows it vouches for; writing it through the pool
 * instead would reopen the crash window exactly-once is meant to close.
 */
export class CheckpointStore {
  constructor(private readonly consumerGroup: string) {}

  async loadAll(db: EntityManager, topic: string): Promise<PartitionCheckpoint[]> {
    const rows: CheckpointRow[] = await db.query(
      `SELECT partition, next_offset, accepted_count, rejected_count FROM consumer_checkpoint
       WHERE consumer_group = $1 AND topic = $2 ORDER BY partition`,
      [this.consumerGroup, topic],
    );
    return rows.map(fromRow);
  }

  /** Reads and row-locks one partition's checkpoint so a zombie consumer of the same partition waits. */
  async lock(db: EntityManager, topic: string, partition: number): Promise<PartitionCheckpoint> {
    await db.query(
      `INSERT INTO consumer_checkpoint (consumer_group, topic, partition, next_offset)
       VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
      [this.consumerGroup, topic, partition],
    );
    const rows: CheckpointRow[] = await db.query(
      `SELECT partition, next_offset, accepted_count, rejected_count FROM consumer_checkpoint
       WHERE consumer_group = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
      [this.consumerGroup, topic, partition],
    );
    return fromRow(rows[0]);
  }

  async advance(db: EntityManager, topic: string, checkpoint: PartitionCheckpoint): Promise<void> {
    await db.query(
      `UPDATE consumer_checkpoint SET next_offset = $4, accepted_count = $5, rejected_count = $6,
         updated_at = now() WHERE consumer_group = $1 AND topic = $2 AND partition = $3`,
      [
        this.consumerGroup,
        topic,
        checkpoint.partition,
        checkpoint.nextOffset.toString(),
        checkpoint.acceptedCount.toString(),
        checkpoint.rejectedCount.toString(),
      ],
    );
  }
}
