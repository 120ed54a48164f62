import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InstrumentExpiryCommandV1, LedgerCommandV1, TOPICS } from '@clearing/contracts';
import {
  DecodedBatch,
  OutboundMessage,
  partitionOfKey,
  refuse,
  RejectedMessage,
  TransformResult,
} from '@clearing/kafka';
import { EventSource, HandleOutcome, JournalCodec, parseAmount, ShardLedger } from '@clearing/ledger';
import { AGGREGATOR_TRANSPORT, AGGREGATOR_SETTINGS, AggregatorSettings } from '../aggregator.settings';
import { AccountCommandV1, toBookCommand } from './command-mapping';
import { JournalShards } from './journal-shards';
import { settlementMessages } from './settlement-mapping';

/**
 * The single writer of each account partition: ledger.commands.v1 partition p -> ledger.journal.v1
 * partition p (plus settlements.v1 when a netting cycle closes), one Kafka transaction per batch.
 * Its state is the fold of the committed journal partition (JournalShards): re-read after every
 * (re)assignment and after every batch that did not commit, so the writer always continues exactly
 * where the committed journal ends.
 */
@Controller()
export class JournalWriterHandler {
  constructor(
    private readonly shards: JournalShards,
    private readonly codec: JournalCodec,
    @Inject(AGGREGATOR_SETTINGS) private readonly settings: AggregatorSettings,
  ) {}

  /** A rebalance may have moved ownership: every shard is re-read before its next batch. */
  forgetShards(): void {
    this.shards.forgetAll();
  }

  /** The batch's transaction did not commit: what it applied to the shard in memory is discarded. */
  forgetShard(partition: number): void {
    this.shards.forget(partition);
  }

  @EventPattern(TOPICS.ledgerCommands, AGGREGATOR_TRANSPORT.writer)
  async onCommands(@Payload() batch: DecodedBatch<LedgerCommandV1>): Promise<TransformResult> {
    const shard = await this.shards.get(batch.partition, batch.heartbeat);
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
}
