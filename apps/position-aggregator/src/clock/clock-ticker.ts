import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Message, Producer } from 'kafkajs';
import { ClockTickCommandV1, TOPICS } from '@clearing/contracts';
import { idempotentProducer } from '@clearing/kafka';
import { signCommand, SystemAccount } from '@clearing/ledger';
import { ClearingMetrics } from '@clearing/observability';
import { AGGREGATOR_SETTINGS, AggregatorSettings } from '../aggregator.settings';
import { JournalShards } from '../journal/journal-shards';

/**
 * The journal writer's clock: every `clockTickMs`, a signed ClockTick command to each ledger.commands.v1
 * partition this instance's writer owns whose netting cycle may be due. The tick is decided like any
 * command, in the writer's transaction and against the committed journal, and journaled only when it
 * closes a cycle; so a quiet partition still publishes its obligations, and a replay of the journal closes
 * every cycle where the live writer did. A tick sent twice, or by an instance that just lost the
 * partition, finds nothing due and journals nothing.
 */
@Injectable()
export class ClockTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClockTicker.name);
  private owned: readonly number[] = [];
  private timer?: NodeJS.Timeout;
  private producer?: Promise<Producer>;
  private ticking = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly shards: JournalShards,
    private readonly metrics: ClearingMetrics,
    @Inject(AGGREGATOR_SETTINGS) private readonly settings: AggregatorSettings,
  ) {}

  /** The writer's partitions after a rebalance (its loop's assignment). */
  own(partitions: readonly number[]): void {
    this.owned = [...partitions];
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(Date.now()), this.settings.clockTickMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    const producer = await this.producer?.catch(() => undefined);
    await producer?.disconnect();
  }

  /** One round of ticks at `nowMs`; skipped while the previous round is still being sent. */
  async tick(nowMs: number): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const at = new Date(nowMs).toISOString();
      const due = [];
      for (const partition of this.owned) if (await this.shards.mayBeDue(partition, at)) due.push(partition);
      if (due.length === 0) return;
      const messages = due.map((partition) => this.tickMessage(partition, at, nowMs));
      await (await this.connected()).send({ topic: TOPICS.ledgerCommands, acks: -1, messages });
      this.metrics.produced(TOPICS.ledgerCommands, messages.length);
    } catch (error) {
      this.logger.warn({ message: 'clock tick not sent; the next round retries', error: String(error) });
    } finally {
      this.ticking = false;
    }
  }

  private tickMessage(shard: number, at: string, nowMs: number): Message & { partition: number } {
    const command: ClockTickCommandV1 = {
      schemaVersion: 1,
      type: 'ClockTick',
      commandId: `clock-tick-${shard}-${nowMs}`,
      account: SystemAccount.ccp(shard),
      issuedAt: at,
      shard,
    };
    const key = this.settings.signingKeys['position-aggregator'];
    return {
      partition: shard,
      key: command.account,
      value: JSON.stringify(signCommand(command, 'position-aggregator', key)),
    };
  }

  private connected(): Promise<Producer> {
    if (this.producer === undefined) {
      const producer = idempotentProducer(this.kafka);
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }
}
