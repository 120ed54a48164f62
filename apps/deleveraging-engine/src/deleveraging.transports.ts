import { INestApplication } from '@nestjs/common';
import { TOPICS } from '@clearing/contracts';
import { ReadinessRegistry } from '@clearing/observability';
import { connectOwnedJournalLoop } from '@clearing/margin-engine/service';
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
  connectOwnedJournalLoop(app, {
    groupId: JOURNAL_GROUP,
    transportId: DELEVERAGING_TRANSPORT.journal,
    sessionTimeoutMs: settings.margin.sessionTimeoutMs,
  });
  const driver = app.get(CaseDriver);
  app.get(ReadinessRegistry).register('cases-loaded', async () => ({
    up: driver.isStarted(),
    detail: { topic: TOPICS.marks },
  }));
}
