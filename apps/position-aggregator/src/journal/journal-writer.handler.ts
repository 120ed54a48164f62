import { Inject, Optional } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { LedgerCommandV1, TOPICS } from '@clearing/contracts';
import {
  BatchHandler,
  ConsumedMessage,
  DecodedBatch,
  OutboundMessage,
  refuse,
  RejectedMessage,
  Route,
  routeToOwner,
  TransformResult,
} from '@clearing/kafka';
import {
  CanonicalText,
  commandContentHash,
  EventSource,
  HandleOutcome,
  JournalCodec,
  JsonObject,
  ShardLedger,
} from '@clearing/ledger';
import { AggregatorMetrics } from '../aggregator-metrics';
import { AGGREGATOR_TRANSPORT, AGGREGATOR_SETTINGS, AggregatorSettings } from '../aggregator.settings';
import { AccountCommandV1, toBookCommand } from './command-mapping';
import { commandOwnerOf, isShardCommand } from './command-owner';
import { issuerRefusalOf } from './issuer-policy';
import { JournalShards } from './journal-shards';
import { settlementMessages } from './settlement-mapping';
import { decideShardCommand } from './shard-commands';

/**
 * The single writer of each account partition: ledger.commands.v1 partition p -> ledger.journal.v1
 * partition p (plus settlements.v1 when a netting cycle closes), one Kafka transaction per batch.
 * Its state is the fold of the committed journal partition (JournalShards), kept per state epoch: re-read
 * after every (re)assignment and after every batch that did not commit, so the writer always continues
 * exactly where the committed journal ends.
 */
@BatchHandler()
export class JournalWriterHandler {
  constructor(
    private readonly shards: JournalShards,
    private readonly codec: JournalCodec,
    @Inject(AGGREGATOR_SETTINGS) private readonly settings: AggregatorSettings,
    // Optional so that specs can build a bare writer; the service always provides it.
    @Optional() private readonly metrics?: AggregatorMetrics,
  ) {}

  @EventPattern(TOPICS.ledgerCommands, AGGREGATOR_TRANSPORT.writer)
  async onCommands(@Payload() batch: DecodedBatch<LedgerCommandV1>): Promise<TransformResult> {
    const shard = await this.shards.get(batch.partition, batch.stateEpoch ?? 0, batch.heartbeat);
    const outputs: OutboundMessage[] = [];
    const rejected: RejectedMessage[] = [];
    const forwarded: OutboundMessage[] = [];
    for (const message of batch.messages) {
      const outcome = this.decideOne(shard, message);
      if ('refused' in outcome) rejected.push(outcome.refused);
      else if ('forwarded' in outcome) forwarded.push(outcome.forwarded);
      else outputs.push(...this.toMessages(outcome, batch.partition));
    }
    return { outputs, rejected, forwarded };
  }

  /**
   * One command: journal events; or, when another shard owns it (the producer's partitioner is not
   * murmur2), the same bytes re-published to that shard in this batch's transaction, so it is decided
   * there exactly once; or a dead letter when it was decided before or has no owner here.
   */
  private decideOne(
    shard: ShardLedger,
    message: ConsumedMessage<LedgerCommandV1>,
  ): HandleOutcome | Exclude<Route, { own: true }> {
    const { value: command, partition } = message;
    const source = { topic: message.topic, partition, offset: message.offset };
    const owner = commandOwnerOf(command, this.settings.partitionCount);
    if (owner >= this.settings.partitionCount)
      return {
        refused: refuse(message, `command for shard ${owner}: there are ${this.settings.partitionCount}`),
      };
    const route = routeToOwner(message, owner);
    if (!('own' in route)) return route;
    // Canonicalized once: the signature check and the content hash both read it.
    const text = new CanonicalText(command as unknown as JsonObject);
    const outcome = isShardCommand(command)
      ? decideShardCommand(shard, command, this.codec, this.issuerRefusalOf(command, text), source)
      : this.handle(shard, command, text, source);
    if (outcome.refusal) return { refused: refuse(message, outcome.refusal.reason, outcome.refusal.code) };
    return outcome;
  }

  private handle(
    shard: ShardLedger,
    command: AccountCommandV1,
    text: CanonicalText,
    source: EventSource,
  ): HandleOutcome {
    // Key order and whitespace do not change the hash: a re-send from another client is a duplicate.
    const commandHash = commandContentHash(command as unknown as JsonObject, text);
    let mapped;
    try {
      const forged = this.issuerRefusalOf(command, text);
      if (forged !== undefined) throw new Error(forged);
      mapped = toBookCommand(command, this.codec, commandHash);
    } catch (error) {
      const envelope = {
        commandId: command.commandId,
        commandHash,
        account: command.account,
        occurredAt: command.issuedAt,
        type: command.type,
        // Who asked for a command the writer cannot book (a forged signature) is journaled too.
        ...(command.attribution ? { attribution: command.attribution } : {}),
      };
      return shard.refuse(envelope, `cannot book: ${(error as Error).message}`, source);
    }
    return shard.handle(mapped, source);
  }

  private issuerRefusalOf(command: LedgerCommandV1, text: CanonicalText): string | undefined {
    return issuerRefusalOf(command, this.settings.signingKeys, this.settings.backstopAccount, text);
  }

  private toMessages(outcome: HandleOutcome, partition: number): OutboundMessage[] {
    const events = outcome.events.map((event) => ({
      topic: TOPICS.ledgerJournal,
      key: event.account,
      partition,
      value: JSON.stringify(this.codec.toWire(event)),
    }));
    this.metrics?.closedCycles(outcome.closedCycles);
    const settlements = outcome.closedCycles.flatMap((cycle) =>
      settlementMessages(cycle, this.codec.scaleOf, partition),
    );
    return [...events, ...settlements];
  }
}
