import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { MarkV1, TOPICS } from '@clearing/contracts';
import { BroadcastFeed, clusterScopedId, decodeContract } from '@clearing/kafka';
import { MarginEngine, persistVolatility, restoreVolatility } from '@clearing/margin-engine';
import { MARKS_GROUP_PREFIX, OwnedAccounts } from '@clearing/margin-engine/service';
import { RiskParamsPoller } from '../engine/risk-params-poller';
import { MarginMetrics } from '../margin-metrics';
import { MarginOutput } from '../output/margin-output';

/**
 * marks.v1 -> margin, on every instance: the whole topic is folded into the market at start; once caught up,
 * each batch of marks re-margins the owned holders of what it re-priced. Evaluations are chained, so
 * figures leave in the order they were computed. The topic is compacted, so the EWMA collateral volatility
 * is restored from collateral_volatility first and persisted whenever an index observation changes it.
 */
@Injectable()
export class MarketFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MarketFeed.name);
  private readonly feed: BroadcastFeed<MarkV1>;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    kafka: Kafka,
    private readonly engine: MarginEngine,
    owned: OwnedAccounts,
    riskParams: RiskParamsPoller,
    private readonly output: MarginOutput,
    private readonly metrics: MarginMetrics,
    private readonly db: DataSource,
  ) {
    this.feed = new BroadcastFeed<MarkV1>({
      kafka,
      topic: TOPICS.marks,
      groupPrefix: clusterScopedId(MARKS_GROUP_PREFIX),
      decode: decodeContract,
      onMessages: (marks, caughtUp) => this.onMarks(marks, caughtUp),
      onCaughtUp: () => this.remarginAll('market caught up'),
      onInvalid: (reason, partition, offset) =>
        this.logger.error({ partition, offset, reason }, 'invalid mark skipped'),
    });
    owned.onRestored(() => this.remarginAll('journal restored'));
    riskParams.onChanged(() => this.remarginAll('risk parameters changed'));
  }

  isCaughtUp(): boolean {
    return this.feed.isCaughtUp();
  }

  /** The EWMA state first: the compacted topic can no longer rebuild it (never ready without it). */
  onApplicationBootstrap(): void {
    restoreVolatility(this.engine.market, this.db, this.restoreRetry())
      .then((ignored) => {
        for (const { asset } of ignored)
          this.logger.warn({ asset }, 'persisted EWMA state has other settings: seeded again');
        return this.feed.start();
      })
      .catch((error: Error) => this.logger.error({ error: error.message }, 'marks feed failed'));
  }

  private restoreRetry() {
    return {
      stopped: () => this.stopped,
      onFailure: (error: Error) =>
        this.logger.warn({ error: error.message }, 'EWMA state not restored yet, retrying'),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.feed.stop();
    await this.chain;
  }

  private async onMarks(marks: MarkV1[], caughtUp: boolean): Promise<void> {
    const { holders, sampled } = this.engine.applyMarkBatch(marks);
    if (sampled.size > 0)
      await persistVolatility(this.engine.market, this.db).catch((error: Error) =>
        this.logger.error({ error: error.message }, 'persisting EWMA volatility failed'),
      );
    if (caughtUp) await this.remargin(holders);
  }

  private remarginAll(why: string): void {
    if (!this.feed.isCaughtUp()) return;
    const accounts = [...this.engine.accounts.accounts()];
    this.logger.log({ accounts: accounts.length, why }, 're-margining every owned account');
    void this.remargin(accounts);
  }

  private remargin(accounts: Iterable<string>): Promise<void> {
    const started = process.hrtime.bigint();
    const { toPublish, all } = this.engine.evaluate(accounts, 'mark', new Date().toISOString());
    this.metrics.markBatch(Number(process.hrtime.bigint() - started) / 1e9, all.length);
    this.metrics.published('mark', toPublish);
    const shipped = toPublish.map((f) => f.account);
    this.chain = this.chain
      .then(() => this.output.publishAndStore(toPublish))
      .catch((error: Error) => {
        this.engine.forgetPublished(shipped);
        this.logger.error({ error: error.message, accounts: shipped.length }, 'publishing margin failed');
      });
    return this.chain;
  }
}
