import { Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { CheckpointStore } from '@clearing/persistence';
import { Assignment, BatchContext, BatchProcessor } from './batch-consumer';
import { dlqTopicOf } from '@clearing/contracts';
import { toDeadLetter } from './dead-letter';
import { failpoint } from './failpoint';
import { LoopMetrics, reportBatch } from './loop-metrics';
import { DecodedBatch, Decoder, RejectedMessage, splitByDecoder } from './messages';

export interface ProjectionProcessorOptions<T> {
  groupId: string;
  decode: Decoder<T>;
  dataSource: DataSource;
  /** Writes the projection rows through `db`, the transaction the checkpoint also commits in. */
  project(batch: DecodedBatch<T>, db: EntityManager): Promise<void>;
  /** Idempotent (non-transactional) producer for dead letters. */
  deadLetterProducer: Producer;
  metrics?: LoopMetrics;
  /** Told of every (re)assignment: a projection that keeps state per partition rebuilds it then. */
  onAssignment?: (assignment: Assignment) => void;
}

/**
 * Exactly-once Kafka -> Postgres: rows and the consumed offset commit in ONE database transaction; the
 * checkpoint row is locked first, so a message below it is a re-delivery and is skipped. Postgres, not
 * Kafka, is the source of truth for the position: after each (re)assignment the partition is sought to
 * the stored checkpoint if Kafka's committed offset ran ahead of it (a rebuilt database, say).
 *
 * Dead letters are published before the database commit: a crash in between re-publishes them on
 * replay (at-least-once, deduplicated by the dlq.source.* headers) but never loses one; the counters in
 * the checkpoint row are exact either way (in = accepted + rejected).
 */
export class ProjectionProcessor<T> implements BatchProcessor {
  private readonly positioned = new Set<string>();
  private readonly checkpoints: CheckpointStore;

  constructor(private readonly options: ProjectionProcessorOptions<T>) {
    this.checkpoints = new CheckpointStore(options.groupId);
  }

  open(): Promise<void> {
    return this.options.deadLetterProducer.connect();
  }

  onAssignment(assignment: Assignment): void {
    this.positioned.clear();
    this.options.onAssignment?.(assignment);
  }

  async process(context: BatchContext): Promise<void> {
    const { topic, partition } = context.batch;
    if (!this.positioned.has(`${topic}:${partition}`) && (await this.seekToCheckpoint(context))) return;
    const lastOffset = context.batch.lastOffset();
    const outcome = await this.options.dataSource.transaction((db) => this.applyBatch(context, db));
    failpoint('projection.after-db-commit');
    context.resolveOffset(lastOffset);
    await context.commitOffset((BigInt(lastOffset) + 1n).toString());
    reportBatch(this.options.metrics, topic, outcome.consumed, outcome.deadLetters, outcome.rejected);
  }

  close(): Promise<void> {
    return this.options.deadLetterProducer.disconnect();
  }

  /** Returns true when it moved the fetch position (the current batch is then stale and dropped). */
  private async seekToCheckpoint(context: BatchContext): Promise<boolean> {
    const { topic, partition } = context.batch;
    this.positioned.add(`${topic}:${partition}`);
    const stored = (await this.checkpoints.loadAll(this.options.dataSource.manager, topic)).find(
      (c) => c.partition === partition,
    );
    const firstOffset = BigInt(context.batch.firstOffset() ?? '0');
    const next = stored?.nextOffset ?? -2n; // -2: the earliest offset still in the log
    if (stored && firstOffset <= next) return false;
    context.seek(next.toString());
    return true;
  }

  private async applyBatch(context: BatchContext, db: EntityManager): Promise<BatchOutcome> {
    const { topic, partition } = context.batch;
    const checkpoint = await this.checkpoints.lock(db, topic, partition);
    const fresh = context.batch.messages.filter((m) => BigInt(m.offset) >= checkpoint.nextOffset);
    const { accepted, rejected } = splitByDecoder(topic, partition, fresh, this.options.decode);
    const deadLetters = rejected.map(toDeadLetter);
    if (rejected.length > 0) {
      await this.options.deadLetterProducer.send({
        topic: dlqTopicOf(topic),
        acks: -1,
        messages: deadLetters,
      });
    }
    if (accepted.length > 0) {
      await this.options.project(
        { topic, partition, messages: accepted, heartbeat: () => context.heartbeat() },
        db,
      );
    }
    failpoint('projection.mid-transaction');
    await this.checkpoints.advance(db, topic, {
      partition,
      // Never backwards: a batch that was all re-delivery ends below the stored position.
      nextOffset: maxBigint(checkpoint.nextOffset, BigInt(context.batch.lastOffset()) + 1n),
      acceptedCount: checkpoint.acceptedCount + BigInt(accepted.length),
      rejectedCount: checkpoint.rejectedCount + BigInt(rejected.length),
    });
    return { consumed: fresh.length, rejected, deadLetters };
  }
}

interface BatchOutcome {
  consumed: number;
  rejected: RejectedMessage[];
  deadLetters: { topic: string }[];
}

function maxBigint(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
