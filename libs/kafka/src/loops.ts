import { Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { Assignment, BatchConsumer } from './batch-consumer';
import { LoopMetrics } from './loop-metrics';
import { LoopLog, PartitionHalts } from './partition-halt';
import { DecodedBatch, Decoder, OutboundMessage, TransformResult } from './messages';
import { ProjectionProcessor } from './projection-processor';
import { idempotentProducer, TransactionalProducers } from './transactional-producers';
import { TransformProcessor } from './transform-processor';

interface LoopBase<T> {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  decode: Decoder<T>;
  metrics?: LoopMetrics;
  sessionTimeoutMs?: number;
  maxBytesPerPartition?: number;
  partitionsConsumedConcurrently?: number;
  log?: LoopLog;
  halts?: PartitionHalts;
  onDead?: (error: Error) => void;
}

export interface TransformLoopOptions<T> extends LoopBase<T> {
  /** Prefix of the per-partition transactional ids; unique per service (e.g. the group id). */
  transactionalIdPrefix?: string;
  transform(batch: DecodedBatch<T>): Promise<OutboundMessage[] | TransformResult>;
  onAssignment?: (assignment: Assignment) => void;
  ownCommitted?: Map<string, bigint>;
}

export interface ProjectionLoopOptions<T> extends LoopBase<T> {
  dataSource: DataSource;
  project(batch: DecodedBatch<T>, db: EntityManager): Promise<void>;
  onAssignment?: (assignment: Assignment) => void;
}

/**
 * Consumer group and transactional ids are cluster-wide, unlike topics they are not namespaced by
 * topicsFor: under CLEARING_TOPIC_NAMESPACE they get the same prefix, so two clearing systems (or two
 * end-to-end tests) on one cluster never join each other's groups nor fence each other's producers.
 */
export function clusterScopedId(id: string, namespace = process.env.CLEARING_TOPIC_NAMESPACE): string {
  return namespace ? `${namespace}.${id}` : id;
}

/** Consume -> transform -> produce, exactly once from Kafka to Kafka. */
export function transformLoop<T>(options: TransformLoopOptions<T>): BatchConsumer {
  const groupId = clusterScopedId(options.groupId);
  const producers = new TransactionalProducers(
    options.kafka,
    clusterScopedId(options.transactionalIdPrefix ?? options.groupId),
  );
  const processor = new TransformProcessor<T>({ ...options, groupId, producers });
  return new BatchConsumer({ ...options, groupId, processor });
}

/**
 * Consume -> project, exactly once from Kafka to Postgres (rows and offsets in one transaction). The
 * checkpoint rows keep the plain group id: the schema is already the namespace's own.
 */
export function projectionLoop<T>(options: ProjectionLoopOptions<T>): BatchConsumer {
  const deadLetterProducer = idempotentProducer(options.kafka);
  const processor = new ProjectionProcessor<T>({ ...options, deadLetterProducer });
  return new BatchConsumer({ ...options, groupId: clusterScopedId(options.groupId), processor });
}
