import {
  Injectable,
  Logger,
  MessageEvent,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Observable } from 'rxjs';
import { LiquidationV1, MarginV1, SettlementV1, TOPICS } from '@clearing/contracts';
import { BroadcastFeed, clusterScopedId, decodeContract } from '@clearing/kafka';
import { AccountFeed } from './account-feed';
import { SystemFeed } from './system-feed';

/** Each API instance reads both topics whole under a throwaway group (libs/kafka BroadcastFeed). */
const STREAM_GROUP_PREFIX = 'clearing-api.stream';
const RETRY_MS = 5_000;

/**
 * The live streams behind GET /v1/accounts/{a}/stream (margin.v1 and liquidations.v1 fanned out per
 * account) and GET /v1/stream (the system-wide risk changes, settlements.v1's cycles too), read on every API
 * instance (a front end may be connected to any of them) and served as Server-Sent Events.
 */
@Injectable()
export class AccountStreams implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AccountStreams.name);
  private readonly feed = new AccountFeed();
  private readonly system = new SystemFeed();
  private readonly sources: BroadcastFeed<never>[];
  private stopping = false;

  constructor(kafka: Kafka) {
    const source = <T>(topic: string, onMessages: (messages: T[]) => void) =>
      new BroadcastFeed<T>({
        kafka,
        topic,
        groupPrefix: clusterScopedId(`${STREAM_GROUP_PREFIX}.${topic}`),
        decode: decodeContract,
        onMessages,
        onCaughtUp: () => this.logger.log({ topic }, 'stream source caught up'),
        onInvalid: (reason, partition, offset) =>
          this.logger.error({ topic, partition, offset, reason }, 'invalid message skipped'),
      }) as BroadcastFeed<never>;
    this.sources = [
      source<MarginV1>(TOPICS.margin, (figures) => {
        this.feed.onMargin(figures);
        this.system.onMargin(figures);
      }),
      source<LiquidationV1>(TOPICS.liquidations, (events) => {
        this.feed.onLiquidations(events);
        this.system.onLiquidations(events);
      }),
      source<SettlementV1>(TOPICS.settlements, (messages) => this.system.onSettlements(messages)),
    ];
  }

  onApplicationBootstrap(): void {
    for (const source of this.sources) void this.startWithRetry(source);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.sources.map((source) => source.stop()));
  }

  /** The API boots without Kafka (it is unready, not dead): a source that cannot start tries again. */
  private async startWithRetry(source: BroadcastFeed<never>): Promise<void> {
    if (this.stopping) return;
    try {
      await source.start();
    } catch (error) {
      this.logger.error({ error: (error as Error).message, retryInMs: RETRY_MS }, 'stream source failed');
      await source.stop().catch(() => undefined);
      setTimeout(() => void this.startWithRetry(source), RETRY_MS).unref();
    }
  }

  /** The account's updates as SSE events (`margin`, `liquidation`), until the client disconnects. */
  of(account: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) =>
      this.feed.subscribe(account, (update) => subscriber.next({ type: update.event, data: update.data })),
    );
  }

  /** The system's risk changes as SSE events (`band`, `liquidation`, `solvency`, `netting`). */
  ofSystem(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) =>
      this.system.subscribe((update) => subscriber.next({ type: update.event, data: update.data })),
    );
  }
}
