import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Consumer, KafkaMessage } from 'kafkajs';
import { CLEARING_CONFIG, ClearingConfig } from '@clearing/config';
import { dlqTopicOf, SYSTEM_TOPICS, TOPICS } from '@clearing/contracts';
import { kafkaFromConfig } from '@clearing/kafka';
import { LiveState, TailRecord } from './live-state';

const RETRY_MS = 5_000;

/** liquidations.v1, settlements.v1 and every dead-letter topic: what no Postgres table holds. */
export function tailedTopics(): string[] {
  const dlqs = SYSTEM_TOPICS.filter((t) => t.withDeadLetterTopic).map((t) => dlqTopicOf(t.topic));
  return [TOPICS.liquidations, TOPICS.settlements, ...dlqs];
}

/**
 * Tails the topics behind the system reads into LiveState, from the beginning, in a consumer group of its
 * own per process (nothing committed matters: a restart re-reads, which is what rebuilds the state). Runs in
 * the background: the API answers (and boots without Kafka) while it connects, retrying every 5 s.
 */
@Injectable()
export class LiveTail implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly state = new LiveState(TOPICS);
  private readonly logger = new Logger(LiveTail.name);
  private consumer: Consumer | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  running = false;

  constructor(@Inject(CLEARING_CONFIG) private readonly config: ClearingConfig) {}

  onApplicationBootstrap(): void {
    void this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async start(): Promise<void> {
    const groupId = `clearing-api.views-${this.config.instanceId}-${randomBytes(4).toString('hex')}`;
    const consumer = kafkaFromConfig(this.config).consumer({ groupId, readUncommitted: false });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: tailedTopics(), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) =>
          this.state.apply(recordOf(topic, partition, message)),
      });
      this.running = true;
    } catch (error) {
      this.logger.warn(
        `live views not tailing yet (${(error as Error).message}); retrying in ${RETRY_MS} ms`,
      );
      await consumer.disconnect().catch(() => undefined);
      if (!this.stopped) this.retry = setTimeout(() => void this.start(), RETRY_MS);
    }
  }
}

function recordOf(topic: string, partition: number, message: KafkaMessage): TailRecord {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    headers[name] = Array.isArray(value) ? value[0]?.toString() : value?.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers,
  };
}
