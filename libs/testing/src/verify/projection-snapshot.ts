import { DataSource } from 'typeorm';
import { BalanceRow, PositionRow } from './projection-checks';

/** The projection's rows and the journal offsets it had consumed, read in one snapshot. */
export interface ProjectionSnapshot {
  readonly balances: BalanceRow[];
  readonly positions: PositionRow[];
  /**
   * Next journal offset per partition the projection consumer recorded with its rows (consumer_checkpoint),
   * or undefined when it records none (then it is compared with the whole journal).
   */
  readonly projectedUpTo?: ReadonlyMap<number, bigint>;
}

/**
 * Reads balances, positions and the checkpoint in one REPEATABLE READ transaction, so rows and offsets
 * belong together even while the aggregator keeps projecting. NUMERIC comes back as text, never a float.
 */
export async function readProjectionSnapshot(
  dataSource: DataSource,
  checkpoint: { consumerGroup: string; topic: string },
): Promise<ProjectionSnapshot> {
  return dataSource.transaction('REPEATABLE READ', async (db) => {
    const balances: BalanceRow[] = await db.query(
      'SELECT account_id, asset, amount::text AS amount FROM balances',
    );
    const positions: PositionRow[] = await db.query(
      `SELECT account_id, instrument, quantity::text AS quantity, cost::text AS cost,
              realized_pnl::text AS realized_pnl FROM positions`,
    );
    const offsets: { partition: number; next_offset: string }[] = await db.query(
      'SELECT partition, next_offset::text AS next_offset FROM consumer_checkpoint WHERE consumer_group = $1 AND topic = $2',
      [checkpoint.consumerGroup, checkpoint.topic],
    );
    const projectedUpTo =
      offsets.length === 0 ? undefined : new Map(offsets.map((o) => [o.partition, BigInt(o.next_offset)]));
    return { balances, positions, projectedUpTo };
  });
}
