import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { TOPICS } from '@clearing/contracts';
import { partitionOfKey, readTopicToEnd } from '@clearing/kafka';
import { JournalCodec, JournalEventWire } from '@clearing/ledger';
import { MarginEngine } from '../margin-engine';
import { MARGIN_SETTINGS, MarginServiceSettings } from './margin.settings';

/**
 * Which accounts this instance margins (those of its journal partitions) and their state after a
 * (re)assignment: the journal partitions newly owned are folded from the beginning (the ledger's own fold,
 * so the calculator agrees with the writer). Nothing is remembered of what was published before: every
 * restored account is published once more (a compacted topic keeps one message per account, and readers
 * order by the stamp). Batches of a partition wait for its restore.
 */
@Injectable()
export class OwnedAccounts {
  private readonly logger = new Logger(OwnedAccounts.name);
  private owned = new Set<number>();
  /** The owned partitions whose restore finished: what this instance can answer for (routing adverts). */
  private serving: readonly number[] = [];
  private restoring: Promise<void> = Promise.resolve();
  /** Restores queued or running per partition: one dropped and assigned again is read again first. */
  private readonly restoresInFlight = new Map<number, number>();
  private readyListeners: (() => void)[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly codec: JournalCodec,
    private readonly engine: MarginEngine,
    @Inject(MARGIN_SETTINGS) private readonly settings: MarginServiceSettings,
  ) {}

  owns(account: string): boolean {
    return this.owned.has(this.partitionOf(account));
  }

  partitionOf(account: string): number {
    return partitionOfKey(account, this.settings.partitionCount);
  }

  servedPartitions(): readonly number[] {
    return this.serving;
  }

  /** Resolves once the current assignment is restored (rejects if the journal is broken). */
  restored(): Promise<void> {
    return this.restoring;
  }

  /** Called after each restore: the service then evaluates the restored accounts. */
  onRestored(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  reassign(partitions: readonly number[]): void {
    const next = new Set(partitions);
    const added = partitions.filter((p) => !this.owned.has(p));
    this.owned = next;
    this.engine.keepAccounts((account) => next.has(this.partitionOf(account)));
    this.serving = this.serving.filter((p) => next.has(p));
    if (added.length === 0) return;
    this.countRestores(added, 1);
    this.restoring = this.restoring.catch(() => undefined).then(() => this.restore(added));
    this.restoring.then(
      () => {
        this.countRestores(added, -1);
        // Whatever the group assigned meanwhile (a re-join hands the same partitions in a new Set): the
        // restored partitions still owned, with no later restore pending, are served.
        const restored = added.filter((p) => this.owned.has(p) && !this.restoresInFlight.has(p));
        this.serving = [...new Set([...this.serving, ...restored])].sort((a, b) => a - b);
        this.readyListeners.forEach((listener) => listener());
      },
      (error: Error) => {
        this.countRestores(added, -1);
        // Forget what could not be restored (a broker down at that moment), so the next assignment, after
        // the failed batch restarts the consumer, restores it again: kept as owned, every later batch
        // awaited this same rejected restore and the loop crash-looped on a stale error for good.
        this.owned = new Set([...this.owned].filter((p) => !added.includes(p)));
        this.engine.keepAccounts((account) => this.owned.has(this.partitionOf(account)));
        this.logger.error({ partitions: added, error: error.message }, 'journal restore failed');
      },
    );
  }

  private countRestores(partitions: readonly number[], delta: 1 | -1): void {
    for (const p of partitions) {
      const count = (this.restoresInFlight.get(p) ?? 0) + delta;
      if (count > 0) this.restoresInFlight.set(p, count);
      else this.restoresInFlight.delete(p);
    }
  }

  private async restore(partitions: readonly number[]): Promise<void> {
    const started = Date.now();
    const { records } = await readTopicToEnd(
      this.kafka,
      TOPICS.ledgerJournal,
      (batch) => {
        const events = batch.map((r) =>
          this.codec.fromWire(JSON.parse(r.value!.toString()) as JournalEventWire),
        );
        this.engine.applyJournal(events);
      },
      { partitions },
    );
    this.logger.log({ partitions, records, ms: Date.now() - started }, 'journal partitions restored');
  }
}
