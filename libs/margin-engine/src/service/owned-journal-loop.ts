import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS } from '@clearing/contracts';
import { connectBatchLoop, decodeJournalOwnWrite } from '@clearing/kafka';
import { ClearingMetrics } from '@clearing/observability';
import { OwnedAccounts } from './owned-accounts';

export interface OwnedJournalLoop {
  readonly groupId: string;
  readonly transportId: symbol;
  readonly sessionTimeoutMs?: number;
}

/**
 * A journal projection loop whose (re)assignments restore the newly owned partitions (OwnedAccounts), with
 * its readiness check: shared by the margin calculator and the deleveraging engine, which margin alike.
 */
export function connectOwnedJournalLoop(app: INestApplication, loop: OwnedJournalLoop): void {
  const owned = app.get(OwnedAccounts);
  connectBatchLoop(app, 'kafka-journal', {
    mode: 'projection',
    kafka: app.get(Kafka),
    metrics: app.get(ClearingMetrics),
    // The journal is validated where it is written; both handlers rebuild every event with ownJournalEvent,
    // which checks it again and halts the partition at one that does not rebuild (never skipped).
    decode: decodeJournalOwnWrite,
    dataSource: app.get(DataSource),
    ...loop,
    onAssignment: (assignment) => owned.reassign(assignment[TOPICS.ledgerJournal] ?? []),
  });
}
