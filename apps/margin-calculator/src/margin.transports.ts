import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS } from '@clearing/contracts';
import { connectBatchLoop, decodeContract } from '@clearing/kafka';
import { ClearingMetrics, ReadinessRegistry } from '@clearing/observability';
import { OwnedAccounts } from './engine/owned-accounts';
import { JOURNAL_GROUP, MARGIN_SETTINGS, MARGIN_TRANSPORT, MarginServiceSettings } from './margin.settings';
import { MarketFeed } from './marks/market-feed';

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
    decode: decodeContract,
    dataSource: app.get(DataSource),
    ...loop,
    onAssignment: (assignment) => owned.reassign(assignment[TOPICS.ledgerJournal] ?? []),
  });
}

/**
 * The journal loop (ledger.journal.v1 -> margin.v1 + account_risk, rows and offsets in one Postgres
 * transaction) and readiness: the loop joined and the marks feed caught up with the market.
 */
export function connectMarginLoops(app: INestApplication): void {
  const settings = app.get<MarginServiceSettings>(MARGIN_SETTINGS);
  const { sessionTimeoutMs } = settings;
  connectOwnedJournalLoop(app, {
    groupId: JOURNAL_GROUP,
    transportId: MARGIN_TRANSPORT.journal,
    sessionTimeoutMs,
  });
  const feed = app.get(MarketFeed);
  app.get(ReadinessRegistry).register('marks-caught-up', async () => ({
    up: feed.isCaughtUp(),
    detail: { topic: TOPICS.marks },
  }));
}
