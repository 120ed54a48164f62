import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { MarginV1, TOPICS } from '@clearing/contracts';
import { BroadcastFeed, clusterScopedId, decodeContract } from '@clearing/kafka';
import { MarginEngine } from '@clearing/margin-engine';
import { SYSTEM_MARGIN_GROUP_PREFIX } from '@clearing/margin-engine/service';

/**
 * margin.v1 whole, on every instance: the figures every calculator published, so an account another
 * instance margins and calls bankrupt closes this instance's withdrawal gate too (docs/LIQUIDATION.md,
 * Gate). Withdrawals wait until the topic has been read to its end once (and readiness says so).
 */
@Injectable()
export class SystemMarginFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SystemMarginFeed.name);
  private readonly feed: BroadcastFeed<MarginV1>;
  private markCaughtUp!: () => void;
  private readonly caughtUp = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(kafka: Kafka, engine: MarginEngine) {
    this.feed = new BroadcastFeed<MarginV1>({
      kafka,
      topic: TOPICS.margin,
      groupPrefix: clusterScopedId(SYSTEM_MARGIN_GROUP_PREFIX),
      decode: decodeContract,
      onMessages: (figures) => engine.observeSystemMargin(figures),
      onCaughtUp: () => {
        this.logger.log('system margin read');
        this.markCaughtUp();
      },
      onInvalid: (reason, partition, offset) =>
        this.logger.error({ partition, offset, reason }, 'invalid margin figures skipped'),
    });
  }

  isCaughtUp(): boolean {
    return this.feed.isCaughtUp();
  }

  /** Whether the topic has been read to its end once, waiting up to `timeoutMs` for it. */
  async readWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const read = await Promise.race([this.caughtUp.then(() => true as const), late]);
    clearTimeout(timer);
    return read;
  }

  onApplicationBootstrap(): void {
    this.feed.start().catch((error: Error) => this.logger.error({ error: error.message }, 'feed failed'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }
}
