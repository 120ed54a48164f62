import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { encodeMessage, LiquidationV1, RiskSummaryV1, riskSummaryKey, TOPICS } from '@clearing/contracts';
import { idempotentProducer, partitionOfKey } from '@clearing/kafka';
import { signCommand } from '@clearing/ledger';
import { CaseStep } from '@clearing/liquidation';
import { DELEVERAGING_SETTINGS, DeleveragingSettings } from '../deleveraging.settings';
import { ledgerCommandOf, WireScales } from './command-wire';

export const WIRE_SCALES = Symbol('WIRE_SCALES');

/**
 * Where the engine's decisions go: step commands to ledger.commands.v1, each on its own account's
 * partition (the single writer refuses anything else), liquidations.v1 and the owned partitions' summaries
 * (risk.summaries.v1). One idempotent producer.
 */
@Injectable()
export class LiquidationOutput implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    @Inject(DELEVERAGING_SETTINGS) private readonly settings: DeleveragingSettings,
    @Inject(WIRE_SCALES) private readonly scales: WireScales,
  ) {
    this.producer = idempotentProducer(kafka);
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  /**
   * Sends a step's ledger commands: the counterparties' legs first, the case account's last. The case
   * account's legs are how the engine sees the step booked, so once they are in the journal the other
   * legs were sent too, even if this instance does not own the counterparties' partitions.
   */
  async issue(caseAccount: string, step: CaseStep): Promise<void> {
    const commands = step.commands.flatMap((c) => ledgerCommandOf(c, this.scales) ?? []);
    const others = commands.filter((c) => c.account !== caseAccount);
    const own = commands.filter((c) => c.account === caseAccount);
    for (const batch of [others, own]) {
      if (batch.length === 0) continue;
      const messages = batch.map((command) => ({
        key: command.account,
        value: encodeMessage(
          TOPICS.ledgerCommands,
          signCommand(command, 'deleveraging-engine', this.settings.signingKey),
        ),
        partition: partitionOfKey(command.account, this.settings.margin.partitionCount),
      }));
      await this.producer.send({ topic: TOPICS.ledgerCommands, acks: -1, messages });
    }
  }

  async publish(messages: readonly LiquidationV1[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      topic: TOPICS.liquidations,
      acks: -1,
      messages: messages.map((m) => ({
        key: m.kind === 'solvency' ? 'solvency' : m.account,
        value: encodeMessage(TOPICS.liquidations, m),
      })),
    });
  }

  /** Each summary under its partition's key: compaction keeps the latest of each. */
  async publishSummaries(summaries: readonly RiskSummaryV1[]): Promise<void> {
    if (summaries.length === 0) return;
    await this.producer.send({
      topic: TOPICS.riskSummaries,
      acks: -1,
      messages: summaries.map((s) => ({
        key: riskSummaryKey(s.partition),
        value: encodeMessage(TOPICS.riskSummaries, s),
      })),
    });
  }
}
