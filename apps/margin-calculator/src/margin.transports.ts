import { INestApplication } from '@nestjs/common';
import { TOPICS } from '@clearing/contracts';
import {
  connectOwnedJournalLoop,
  JOURNAL_GROUP,
  MARGIN_SETTINGS,
  MARGIN_TRANSPORT,
  MarginServiceSettings,
} from '@clearing/margin-engine/service';
import { ReadinessRegistry } from '@clearing/observability';
import { MarketFeed } from './marks/market-feed';
import { SystemMarginFeed } from './marks/system-margin-feed';

/**
 * The journal loop (ledger.journal.v1 -> margin.v1 + account_risk, rows and offsets in one Postgres
 * transaction) and readiness: the loop joined, the marks feed caught up with the market and margin.v1
 * read once (the withdrawal gate's other instances).
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
  const systemMargin = app.get(SystemMarginFeed);
  app.get(ReadinessRegistry).register('system-margin-read', async () => ({
    up: systemMargin.isCaughtUp(),
    detail: { topic: TOPICS.margin },
  }));
}
