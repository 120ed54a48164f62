import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { InstrumentExpiryCommandV1, LedgerCommandV1, TOPICS } from '@clearing/contracts';
import {
  DecodedBatch,
  OutboundMessage,
  partitionOfKey,
  readTopicToEnd,
  refuse,
  RejectedMessage,
  TransformResult,
} from '@clearing/kafka';
import {
  CyclePolicy,
  EventSource,
  HandleOutcome,
  JournalCodec,
  JournalEventWire,
  parseAmount,
  ShardLedger,
} from '@clearing/ledger';
import { AGGREGATOR_TRANSPORT, AGGREGATOR_SETTINGS, AggregatorSettings } from '../aggregator.settings';
import { AccountCommandV1, toBookCommand } from './command-mapping';
import { settlementMessages } from './settlement-mapping';

/**
 * The single writer of each account partition: ledger.commands.v1 partition p -> ledger.journal.v1
 * partition p (plus settlements.v1 when a netting cycle closes), one Kafka transaction per batch.
 * Its state is the fold of the journal partition, re-read on every (re)assignment, so after a crash or a
 * rebalance the writer continues exactly where the committed journal ends.
 */
@Controller()
export class JournalWriterHandler {
  private readonly shards = new Map<number, Promise<ShardLedger>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly codec: JournalCodec,
    @Inject(AGGREGATOR_SETTINGS) private readonly settings: AggregatorSettings,
  ) {}

  /**
   * Called on every rebalance: ownership may have changed, so state is re-read, for all the partitions
   * now owned in ONE pass over the journal (one reader instead of one per partition).
   */
  forgetShards(assignment: Readonly<Record<string, readonly number[]>> = {}): void {
    this.shards.clear();
    const owned = assignment[TOPICS.ledgerCommands] ?? [];
    if (owned.length === 0) return;
    const restored = this.restore(owned, this.settings.cyclePolicy);
    for (const partition of owned) {
      const shard = restored.then((shards) => shards.get(partition)!);
      this.shards.set(partition, shard);
      shard.catch(() => this.shards.delete(partition));
    }
  }

  @EventPattern(TOPICS.ledgerCommands, AGGREGATOR_TRANSPORT.writer)
  async onCommands(@Payload() batch: DecodedBatch<LedgerCommandV1>): Promise<TransformResult> {
    const shard = await this.shardFor(batch.partition);
    const outputs: OutboundMessage[] = [];
    const rejected: RejectedMessage[] = [];
    for (const message of batch.messages) {
      const command = message.value;
      const source = { topic: batch.topic, partition: batch.partition, offset: message.offset };
      if (command.type === 'InstrumentExpiry') {
        if (command.shard !== batch.partition)
          rejected.push(
            refuse(message, `expiry for shard ${command.shard} arrived on partition ${batch.partition}`),
          );
        else outputs.push(...this.toMessages(this.expire(shard, command, source), batch.partition));
        continue;
      }
      if (partitionOfKey(command.account, this.settings.partitionCount) !== batch.partition) {
        rejected.push(
          refuse(
            message,
            `command for ${command.account} arrived on partition ${batch.partition}, not its own`,
          ),
        );
        continue;
      }
      outputs.push(...this.toMessages(this.handle(shard, command, source), batch.partition));
    }
    return { outputs, rejected };
  }

  private expire(shard: ShardLedger, command: InstrumentExpiryCommandV1, source: EventSource): HandleOutcome {
    const scale = this.codec.scaleOf('USDC');
    return shard.expire(
      {
        commandId: command.commandId,
        instrument: command.instrument,
        settlementPrice: parseAmount(command.settlementPrice, scale),
        occurredAt: command.expiry,
      },
      source,
    );
  }

  private handle(shard: ShardLedger, command: AccountCommandV1, source: EventSource): HandleOutcome {
    let mapped;
    try {
      mapped = toBookCommand(command, this.codec);
    } catch (error) {
      const envelope = {
        commandId: command.commandId,
        account: command.account,
        occurredAt: command.issuedAt,
        type: command.type,
      };
      return shard.refuse(envelope, `cannot book: ${(error as Error).message}`, source);
    }
    return shard.handle(mapped, source);
  }

  private toMessages(outcome: HandleOutcome, partition: number): OutboundMessage[] {
    const events = outcome.events.map((event) => ({
      topic: TOPICS.ledgerJournal,
      key: event.account,
      partition,
      value: JSON.stringify(this.codec.toWire(event)),
    }));
    const settlements = outcome.closedCycles.flatMap((cycle) =>
      settlementMessages(cycle, this.codec.scaleOf, partition),
    );
    return [...events, ...settlements];
  }

  private shardFor(partition: number): Promise<ShardLedger> {
    let shard = this.shards.get(partition);
    if (!shard) {
      shard = this.restore([partition], this.settings.cyclePolicy).then((shards) => shards.get(partition)!);
      this.shards.set(partition, shard);
      shard.catch(() => this.shards.delete(partition));
    }
    return shard;
  }

  /** Folds the committed journal of these partitions (read_committed, up to its end) into fresh shards. */
  private async restore(
    partitions: readonly number[],
    policy: CyclePolicy,
  ): Promise<Map<number, ShardLedger>> {
    const shards = new Map(partitions.map((p) => [p, new ShardLedger(p, policy, this.codec.scaleOf)]));
    await readTopicToEnd(
      this.kafka,
      TOPICS.ledgerJournal,
      (records) => {
        for (const record of records) {
          const event = this.codec.fromWire(JSON.parse(record.value!.toString()) as JournalEventWire);
          shards.get(record.partition)!.restore(event);
        }
      },
      { partitions },
    );
    return shards;
  }
}
