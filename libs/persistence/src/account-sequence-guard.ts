import { EntityManager } from 'typeorm';
import { parseIntegerText } from './numeric-transformers';

/** A journal event's identity for at-most-once application: its account and per-account sequence. */
export interface SequencedEvent {
  account: string;
  sequence: bigint;
}

/** A sequence that skips ahead means an event was lost upstream: the ledger can no longer be trusted. */
export class SequenceGapError extends Error {
  override readonly name = 'SequenceGapError';
  constructor(
    readonly account: string,
    readonly expected: bigint,
    readonly received: bigint,
  ) {
    super(`account ${account}: expected sequence ${expected}, received ${received}`);
  }
}

/**
 * Applies each journal event at most once per consumer group, in account sequence order, inside the
 * caller's transaction. Kafka offsets alone are not enough: a replayed or re-partitioned journal can
 * deliver an event again at another offset, but never with another (account, sequence).
 */
export class AccountSequenceGuard {
  constructor(private readonly consumerGroup: string) {}

  /** Returns the events to apply (duplicates dropped), recording the new high-water marks; throws on a gap. */
  async admit<E extends SequencedEvent>(db: EntityManager, events: readonly E[]): Promise<E[]> {
    if (events.length === 0) return [];
    const lastApplied = await this.lockAccounts(db, [...new Set(events.map((e) => e.account))]);
    const admitted: E[] = [];
    for (const event of events) {
      const last = lastApplied.get(event.account) ?? 0n;
      if (event.sequence <= last) continue;
      if (event.sequence !== last + 1n) throw new SequenceGapError(event.account, last + 1n, event.sequence);
      lastApplied.set(event.account, event.sequence);
      admitted.push(event);
    }
    await this.record(db, lastApplied);
    return admitted;
  }

  private async lockAccounts(db: EntityManager, accounts: string[]): Promise<Map<string, bigint>> {
    // Sorted so two transactions touching overlapping accounts lock them in the same order (no deadlock).
    const rows: { account: string; last_sequence: string }[] = await db.query(
      `SELECT account, last_sequence FROM applied_account_sequence
       WHERE consumer_group = $1 AND account = ANY($2) ORDER BY account FOR UPDATE`,
      [this.consumerGroup, accounts.sort()],
    );
    return new Map(rows.map((r) => [r.account, parseIntegerText(r.last_sequence)]));
  }

  private async record(db: EntityManager, lastApplied: Map<string, bigint>): Promise<void> {
    const accounts = [...lastApplied.keys()];
    await db.query(
      `INSERT INTO applied_account_sequence (consumer_group, account, last_sequence)
       SELECT $1, account, last_sequence FROM unnest($2::text[], $3::bigint[]) AS t(account, last_sequence)
       ON CONFLICT (consumer_group, account) DO UPDATE SET last_sequence = EXCLUDED.last_sequence`,
      [this.consumerGroup, accounts, accounts.map((a) => lastApplied.get(a)!.toString())],
    );
  }
}
