import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { readTopicToEnd, TopicRecord } from '@clearing/kafka';
import { CheckResult } from './check-result';
import { journalChecks } from './journal-checks';
import { JournalFold } from './journal-fold';
import { checkProjectedBalances, checkProjectedPositions } from './projection-checks';
import { checkProjectionsCaughtUp } from './projection-lag';
import { readProjectionSnapshot } from './projection-snapshot';

export interface VerifyOptions {
  readonly kafka: Kafka;
  readonly topic: string;
  /** Connected to the schema holding the projection (search_path). */
  readonly dataSource: DataSource;
  /** The projection's consumer group, whose checkpoint says how far into the journal its rows go. */
  readonly consumerGroup: string;
  /** Grace for projections behind the journal's end before they count as stalled (DEFAULT_CATCH_UP_MS). */
  readonly catchUpMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
  readonly counts: {
    records: number;
    events: number;
    accounts: number;
    fills: number;
    projectedEvents: number;
  };
}

/**
 * Reads the projection first, then the journal up to its current end: the journal checks run over the
 * whole journal, the projection is compared with the fold of the part it had consumed, so a running
 * aggregator is not reported as wrong merely for being behind.
 */
export async function verifyClearing(options: VerifyOptions): Promise<VerifyReport> {
  const snapshot = await readProjectionSnapshot(options.dataSource, options);
  const journal = new JournalFold();
  const projected = snapshot.projectedUpTo ? new JournalFold() : journal;
  const isProjected = (record: TopicRecord) =>
    BigInt(record.offset) < (snapshot.projectedUpTo?.get(record.partition) ?? 0n);
  const { records } = await readTopicToEnd(
    options.kafka,
    options.topic,
    (batch) => {
      for (const record of batch) {
        journal.addRecord(record.value, record);
        if (projected !== journal && isProjected(record)) projected.addRecord(record.value, record);
      }
    },
    { onProgress: options.onProgress },
  );
  const checks = [
    ...journalChecks(journal),
    checkProjectedBalances(projected, snapshot.balances),
    checkProjectedPositions(projected, snapshot.positions),
    await checkProjectionsCaughtUp(options.dataSource, options.topic, journal.endOffsets, options.catchUpMs),
  ];
  return {
    ok: checks.every((c) => c.ok),
    checks,
    counts: {
      records,
      events: journal.events,
      accounts: journal.books.size,
      fills: journal.legs.size,
      projectedEvents: projected.events,
    },
  };
}
