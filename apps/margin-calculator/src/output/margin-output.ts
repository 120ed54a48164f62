import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerCommandV1, MarginV1, TOPICS } from '@clearing/contracts';
import { idempotentProducer } from '@clearing/kafka';
import { signCommand } from '@clearing/ledger';
import { accountRiskRows, UPSERT_ACCOUNT_RISK } from './account-risk-rows';

/** The margin calculator's key (CLEARING_SIGNING_KEY_MARGIN_CALCULATOR): the ledger books only approvals it signed. */
export const MARGIN_SIGNING_KEY = Symbol('MARGIN_SIGNING_KEY');

/**
 * Where figures go: margin.v1 (idempotent producer, keyed by account so the compacted topic keeps each
 * account's latest) and the account_risk projection. Always published BEFORE the rows commit: a crash in
 * between republishes on replay (harmless: same figures, ordered by their stamp), whereas the other order
 * could leave Postgres ahead of the topic and the restart baseline would then never republish.
 */
@Injectable()
export class MarginOutput implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly dataSource: DataSource,
    @Inject(MARGIN_SIGNING_KEY) private readonly signingKey: string,
  ) {
    this.producer = idempotentProducer(kafka);
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  async publish(figures: readonly MarginV1[]): Promise<void> {
    if (figures.length === 0) return;
    const messages = figures.map((f) => ({ key: f.account, value: JSON.stringify(f) }));
    await this.producer.send({ topic: TOPICS.margin, acks: -1, messages });
  }

  /** A command to the ledger's single writer, on its account's partition, signed as this calculator's. */
  async submitCommand(command: LedgerCommandV1, partition: number): Promise<void> {
    const signed = signCommand(command, 'margin-calculator', this.signingKey);
    const message = { key: command.account, value: JSON.stringify(signed), partition };
    await this.producer.send({ topic: TOPICS.ledgerCommands, acks: -1, messages: [message] });
  }

  /** Rows in the caller's transaction (the journal loop's, with its offsets). */
  async store(db: EntityManager, figures: readonly MarginV1[]): Promise<void> {
    if (figures.length === 0) return;
    const rows = accountRiskRows(figures);
    await db.query(UPSERT_ACCOUNT_RISK, rows);
  }

  /** Mark-driven figures: publish, then rows in a transaction of their own (no offsets: marks are re-read). */
  async publishAndStore(figures: readonly MarginV1[]): Promise<void> {
    await this.publish(figures);
    await this.dataSource.transaction((db) => this.store(db, figures));
  }
}
