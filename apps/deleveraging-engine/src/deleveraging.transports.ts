import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS } from '@clearing/contracts';
import { decodeContract, KafkaBatchTransport, loopReadinessCheck } from '@clearing/kafka';
import { ClearingMetrics, ReadinessRegistry } from '@clearing/observability';
import { OwnedAccounts } from '../../margin-calculator/src/engine/owned-accounts';
import { CaseDriver } from './cases/case-driver';
import {
  DELEVERAGING_SETTINGS,
  DELEVERAGING_TRANSPORT,
  DeleveragingSettings,
  JOURNAL_GROUP,
} from './deleveraging.settings';

/**
 * The journal loop (ledger.journal.v1 -> engine state + insurance_funds with the offsets in one
 * Postgres transaction; a (re)assignment restores the newly owned partitions) and readiness: the loop
 * joined, the marks caught up and the open cases loaded.
 */
export function connectDeleveragingLoops(app: INestApplication): void {
  const settings = app.get<DeleveragingSettings>(DELEVERAGING_SETTINGS);
  const owned = app.get(OwnedAccounts);
  const transport = new KafkaBatchTransport({
    mode: 'projection',
    kafka: app.get(Kafka),
    metrics: app.get(ClearingMetrics),
    decode: decodeContract,
    transportId: DELEVERAGING_TRANSPORT.journal,
    groupId: JOURNAL_GROUP,
    dataSource: app.get(DataSource),
    sessionTimeoutMs: settings.margin.sessionTimeoutMs,
    onAssignment: (assignment) => owned.reassign(assignment[TOPICS.ledgerJournal] ?? []),
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  const readiness = app.get(ReadinessRegistry);
  readiness.register(
    'kafka-journal',
    loopReadinessCheck(() => transport.loopStatus()),
  );
  const driver = app.get(CaseDriver);
  readiness.register('cases-loaded', async () => ({
    up: driver.isStarted(),
    detail: { topic: TOPICS.marks },
  }));
}
