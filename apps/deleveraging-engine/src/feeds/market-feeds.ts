import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { MarginV1, MarkV1, TOPICS } from '@clearing/contracts';
import { BroadcastFeed, clusterScopedId, decodeContract } from '@clearing/kafka';
import { PartitionSummary } from '@clearing/liquidation';
import { persistVolatility, restoreVolatility } from '@clearing/margin-engine';
import { CaseDriver } from '../cases/case-driver';
import { MARGIN_GROUP_PREFIX, MARKS_GROUP_PREFIX, SUMMARIES_GROUP_PREFIX } from '../deleveraging.settings';
import { ExactMarks } from '../state/exact-marks';
import { LedgerView } from '../state/ledger-view';
import { summaryDecoder } from '../state/summary-wire';
import { SystemRiskView } from '../state/system-risk-view';

/**
 * The topics every instance reads whole: marks.v1 (the market, floats for margin and exact decimals for
 * prices; a batch re-evaluates the cases), margin.v1, the trigger (an owned account called liquidatable
 * or bankrupt is watched until its band recovers), and risk.summaries.v1 (the other partitions, for ADL
 * ranking and Cover 2 over the whole book).
 */
@Injectable()
export class MarketFeeds implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MarketFeeds.name);
  private readonly marks: BroadcastFeed<MarkV1>;
  private readonly margin: BroadcastFeed<MarginV1>;
  private readonly summaries: BroadcastFeed<PartitionSummary>;
  private stopped = false;

  constructor(
    kafka: Kafka,
    private readonly view: LedgerView,
    exact: ExactMarks,
    driver: CaseDriver,
    private readonly db: DataSource,
    systemRisk: SystemRiskView,
  ) {
    const onInvalid = (topic: string) => (reason: string, partition: number, offset: string) =>
      this.logger.error({ topic, partition, offset, reason }, 'invalid message skipped');
    this.marks = new BroadcastFeed<MarkV1>({
      kafka,
      topic: TOPICS.marks,
      groupPrefix: clusterScopedId(MARKS_GROUP_PREFIX),
      decode: decodeContract,
      onMessages: async (marks, caughtUp) => {
        const { sampled } = view.applyMarkBatch(marks);
        exact.apply(marks);
        // Written here too: the engine margins as the calculator does, also when it runs alone.
        if (sampled.size > 0)
          await persistVolatility(view.market, db).catch((error: Error) =>
            this.logger.error({ error: error.message }, 'persisting EWMA volatility failed'),
          );
        if (caughtUp) driver.kick();
      },
      onCaughtUp: () => driver.onMarksCaughtUp(),
      onInvalid: onInvalid(TOPICS.marks),
    });
    this.margin = new BroadcastFeed<MarginV1>({
      kafka,
      topic: TOPICS.margin,
      groupPrefix: clusterScopedId(MARGIN_GROUP_PREFIX),
      decode: decodeContract,
      onMessages: (figures) => {
        for (const f of figures)
          driver.onMargin(f.account, f.kind === 'account-margin' ? f.health.band : undefined);
      },
      onCaughtUp: () => undefined,
      onInvalid: onInvalid(TOPICS.margin),
    });
    this.summaries = new BroadcastFeed<PartitionSummary>({
      kafka,
      topic: TOPICS.riskSummaries,
      groupPrefix: clusterScopedId(SUMMARIES_GROUP_PREFIX),
      decode: summaryDecoder(systemRisk.partitionCount, view.settings.scaleOf),
      onMessages: (summaries) => systemRisk.observe(summaries),
      onCaughtUp: () => undefined,
      onInvalid: onInvalid(TOPICS.riskSummaries),
    });
  }

  marksCaughtUp(): boolean {
    return this.marks.isCaughtUp();
  }

  /** marks.v1 only after the persisted EWMA state (the compacted topic can no longer rebuild it). */
  onApplicationBootstrap(): void {
    const retry = {
      stopped: () => this.stopped,
      onFailure: (error: Error) =>
        this.logger.warn({ error: error.message }, 'EWMA state not restored yet, retrying'),
    };
    const marks = restoreVolatility(this.view.market, this.db, retry).then((ignored) => {
      for (const { asset } of ignored)
        this.logger.warn({ asset }, 'persisted EWMA state has other settings: seeded again');
      return this.marks.start();
    });
    for (const started of [marks, this.margin.start(), this.summaries.start()])
      started.catch((error: Error) => this.logger.error({ error: error.message }, 'feed failed'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.marks.stop(), this.margin.stop(), this.summaries.stop()]);
  }
}
