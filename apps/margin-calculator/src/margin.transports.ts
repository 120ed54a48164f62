import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS } from '@clearing/contracts';
import { decodeContract, KafkaBatchTransport, loopReadinessCheck } from '@clearing/kafka';
import { ClearingMetrics, ReadinessRegistry } from '@clearing/observability';
import { OwnedAccounts } from './engine/owned-accounts';
import { JOURNAL_GROUP, MARGIN_SETTINGS, MARGIN_TRANSPORT, MarginServiceSettings } from './margin.settings';
import { MarketFeed } from './marks/market-feed';

/**
 * The journal loop (ledger.journal.v1 -> margin.v1 + account_risk, rows and offsets in one Postgres
 * transaction; a (re)assignment restores the newly owned partitions) and readiness: the loop joined and the
 * marks feed caught up with the market.
 */
export function connectMarginLoops(app: INestApplication): void {
  const settings = app.get<MarginServiceSettings>(MARGIN_SETTINGS);
  const owned = app.get(OwnedAccounts);
  const transport = new KafkaBatchTransport({
    mode: 'projection',
    kafka: app.get(Kafka),
    metrics: app.get(ClearingMetrics),
    decode: decodeContract,
    transportId: MARGIN_TRANSPORT.journal,
    groupId: JOURNAL_GROUP,
    dataSource: app.get(DataSource),
    sessionTimeoutMs: settings.sessionTimeoutMs,
    onAssignment: (assignment) => owned.reassign(assignment[TOPICS.ledgerJournal] ?? []),
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  const readiness = app.get(ReadinessRegistry);
  readiness.register(
    'kafka-journal',
    loopReadinessCheck(() => transport.loopStatus()),
  );
  const feed = app.get(MarketFeed);
  readiness.register('marks-caught-up', async () => ({
    up: feed.isCaughtUp(),
    detail: { topic: TOPICS.marks },
  }));
}
