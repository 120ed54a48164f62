import { Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { BatchConsumer } from './batch-consumer';
import { LoopMetrics } from './loop-metrics';
import { DecodedBatch, Decoder, OutboundMessage, TransformResult } from './messages';
import { ProjectionProcessor } from './projection-processor';
import { TransactionalProducers } from './transactional-producers';
import { TransformProcessor } from './transform-processor';

interface LoopBase<T> {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  decode: Decoder<T>;
  metrics?: LoopMetrics;
  sessionTimeoutMs?: number;
  maxBytesPerPartition?: number;
  log?: (level: 'info' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

export interface TransformLoopOptions<T> extends LoopBase<T> {
  /** Prefix of the per-partition transactional ids; unique per service (e.g. the group id). */
  transactionalIdPrefix?: string;
  transform(batch: DecodedBatch<T>): Promise<OutboundMessage[] | TransformResult>;
  onAssignment?: () => void;
}

export interface ProjectionLoopOptions<T> extends LoopBase<T> {
  dataSource: DataSource;
  project(batch: DecodedBatch<T>, db: EntityManager): Promise<void>;
}

/** Consume -> transform -> produce, exactly once from Kafka to Kafka. */
export function transformLoop<T>(options: TransformLoopOptions<T>): BatchConsumer {
  const producers = new TransactionalProducers(
    options.kafka,
    options.transactionalIdPrefix ?? options.groupId,
  );
  const processor = new TransformProcessor<T>({ ...options, producers });
  return new BatchConsumer({ ...options, processor });
}

/** Consume -> project, exactly once from Kafka to Postgres (rows and offsets in one transaction). */
export function projectionLoop<T>(options: ProjectionLoopOptions<T>): BatchConsumer {
  const deadLetterProducer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const processor = new ProjectionProcessor<T>({ ...options, deadLetterProducer });
  return new BatchConsumer({ ...options, processor });
}
