import { DataSource } from 'typeorm';

interface Sample {
  atMs: number;
  partition: number;
  nextOffset: bigint;
}

/**
 * When each journal record's projection committed: the projection's checkpoint row (consumer_checkpoint,
 * written in the same transaction as its rows) polled every `everyMs`, so a record at offset o of
 * partition p committed by the first reading whose next offset of p is past o (resolution: `everyMs`).
 */
export class CheckpointTrail {
  private readonly samples = new Map<number, Sample[]>();
  private timer?: NodeJS.Timeout;
  private polling = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumerGroup: string,
    private readonly topic: string,
  ) {}

  start(everyMs = 25): void {
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll()).catch(() => undefined);
    }, everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll();
  }

  /** When the record at `offset` of `partition` was first seen committed; undefined if never. */
  committedAt(partition: number, offset: bigint): number | undefined {
    const trail = this.samples.get(partition) ?? [];
    let [low, high] = [0, trail.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (trail[middle].nextOffset > offset) high = middle;
      else low = middle + 1;
    }
    return trail[low]?.atMs;
  }

  private async poll(): Promise<void> {
    const rows: { partition: number; next_offset: string }[] = await this.dataSource.query(
      'SELECT partition, next_offset FROM consumer_checkpoint WHERE consumer_group = $1 AND topic = $2',
      [this.consumerGroup, this.topic],
    );
    const atMs = Date.now();
    for (const row of rows) {
      const trail = this.samples.get(row.partition) ?? [];
      const nextOffset = BigInt(row.next_offset);
      if (trail.length === 0 || trail[trail.length - 1].nextOffset < nextOffset)
        trail.push({ atMs, partition: row.partition, nextOffset });
      this.samples.set(row.partition, trail);
    }
  }
}
