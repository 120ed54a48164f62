import { Batch, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { LoopMetrics } from './loop-metrics';
import { isPartitionHalt, LoopLog, PartitionHalts } from './partition-halt';

/**
 * How long a member that stopped heart-beating (a SIGKILLed instance) keeps its partitions. 10 s, not
 * kafkajs' 30 s: heartbeats go every second between batches and during long waits (heartbeatWhile),
 * so a live member never comes near it, and a dead one's partitions move within ~10-13 s.
 */
export const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

/** One fetched topic-partition batch and the controls a processor needs to commit it. */
export interface BatchContext {
  batch: Batch;
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  /** Moves this partition's fetch position; the rest of the current batch becomes stale. */
  seek(offset: string): void;
  /** Commits the group's offset in Kafka (informational when the truth lives in Postgres). */
  commitOffset(nextOffset: string): Promise<void>;
}

/** How a loop turns batches into committed effects: Kafka transactions or Postgres transactions. */
export interface BatchProcessor {
  /** Connects what the processor writes to, before the first fetch. */
  open(): Promise<void>;
  /** The group was (re)balanced: forget anything remembered per partition. */
  onAssignment(assignment: Assignment): void;
  process(context: BatchContext): Promise<void>;
  close(): Promise<void>;
}

/** Partitions this member owns after a rebalance, per topic. */
export type Assignment = Readonly<Record<string, readonly number[]>>;

export interface BatchConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  processor: BatchProcessor;
  metrics?: LoopMetrics;
  /** How long a silent member keeps its partitions; a SIGKILLed instance blocks them this long. */
  sessionTimeoutMs?: number;
  /**
   * Batches of different partitions processed at once. Safe because everything a processor keeps or
   * commits is per partition (a transactional producer, a checkpoint row, a shard's accounts); it lets
   * one partition's database or Kafka round trip overlap another's work.
   */
  partitionsConsumedConcurrently?: number;
  /** Upper bound of one fetched batch per partition; smaller batches mean shorter transactions. */
  maxBytesPerPartition?: number;
  log?: LoopLog;
  /** Halted partitions; pass the same object to a restarted loop so they stay halted. */
  halts?: PartitionHalts;
  /** The kafkajs consumer crashed for good (it will not restart itself): the owner must replace the loop. */
  onDead?: (error: Error) => void;
}

export interface LoopStatus {
  running: boolean;
  joined: boolean;
  haltedPartitions: string[];
  /** False once the loop died and could not be brought back (see KafkaBatchTransport): restart the process. */
  alive: boolean;
  /** This consumer joined its group at least once (a loop that dies after working is not a start failure). */
  joinedOnce: boolean;
}

/**
 * The one consume loop every service runs: kafkajs `eachBatch` (never one message at a time, see
 * nestjs/nest#12703), heartbeats between batches, nothing resolved until the processor committed it,
 * and a partition whose ledger invariant broke is paused and reported, never skipped.
 */
export class BatchConsumer {
  private readonly consumer: Consumer;
  private joined = false;
  private joinedOnce = false;
  private running = false;
  private readonly halts: PartitionHalts;

  constructor(private readonly options: BatchConsumerOptions) {
    this.halts = options.halts ?? new PartitionHalts(options.log);
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      readUncommitted: false,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
      // An idle fetch returns after 500 ms (kafkajs default 5 s): a fill waits less, and a stopping member
      // finishes its fetch inside the stop bound, so it leaves the group instead of timing out of it.
      maxWaitTimeInMs: 500,
      heartbeatInterval: Math.min(
        1_000,
        Math.floor((options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS) / 3),
      ),
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.options.processor.onAssignment(payload.memberAssignment);
      this.setJoined(true);
    });
    this.consumer.on(this.consumer.events.REBALANCING, () => this.setJoined(false));
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => this.onCrash(payload));
  }

  /**
   * kafkajs restarts its consumer after retriable errors, but not after others ("Failed to find group
   * coordinator" once a broker restarted): then this consumer is dead for good and the loop says so.
   */
  private onCrash({ error, restart }: { error: Error; restart: boolean }): void {
    this.setJoined(false);
    this.options.metrics?.crashed();
    if (restart || !this.running) return;
    this.running = false;
    this.options.log?.('error', 'consumer crashed and will not restart by itself', { error: error.message });
    this.options.onDead?.(error);
  }

  async start(): Promise<void> {
    await this.options.processor.open();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    for (const topic of this.options.topics) this.options.metrics?.initInputTopic?.(topic);
    this.running = true;
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /**
   * Graceful stop (SIGTERM): finishes the batch in flight, leaves the group, closes producers. Bounded as a
   * whole: a stop during a slow group join (or a broker that does not answer the producers' goodbyes) gives
   * up after `stopTimeoutMs`; nothing uncommitted is lost by that, the broker just notices the departure by
   * session timeout instead, and a transaction left open is aborted by the next producer with its id.
   */
  async stop(stopTimeoutMs = 3_000): Promise<void> {
    const wasRunning = this.running;
    this.running = false;
    const deadlineMs = Date.now() + stopTimeoutMs;
    if (wasRunning) await settledWithin(this.consumer.disconnect(), stopTimeoutMs);
    // Also after a failed start: what open() connected (a dead-letter producer) must not leak. Started even
    // when the leave ran out of time (it goes on in the background), awaited only for what is left of it.
    await settledWithin(this.options.processor.close(), Math.max(500, deadlineMs - Date.now()));
    this.setJoined(false);
  }

  status(): LoopStatus {
    const { running, joined, joinedOnce } = this;
    return { running, joined, joinedOnce, haltedPartitions: this.halts.keys(), alive: true };
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0 || !payload.isRunning() || payload.isStale()) return;
    // Halted before this consumer existed (a restarted loop, a rebalance): stays halted, unprocessed.
    if (this.halts.has(batch.topic, batch.partition)) {
      payload.pause();
      return;
    }
    const startedAt = process.hrtime.bigint();
    try {
      await this.options.processor.process(this.contextOf(payload));
    } catch (error) {
      if (!isPartitionHalt(error)) throw error;
      this.halt(payload, error);
      return;
    }
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    this.options.metrics?.batchSeconds(batch.topic, seconds);
    const lag = BigInt(batch.highWatermark) - BigInt(batch.lastOffset()) - 1n;
    this.options.metrics?.lag(batch.topic, batch.partition, Number(lag > 0n ? lag : 0n));
    await payload.heartbeat();
  }

  private contextOf(payload: EachBatchPayload): BatchContext {
    const { topic, partition } = payload.batch;
    return {
      batch: payload.batch,
      resolveOffset: (offset) => payload.resolveOffset(offset),
      heartbeat: () => payload.heartbeat(),
      seek: (offset) => this.consumer.seek({ topic, partition, offset }),
      commitOffset: (offset) => this.consumer.commitOffsets([{ topic, partition, offset }]),
    };
  }

  private halt(payload: EachBatchPayload, error: Error): void {
    const { topic, partition } = payload.batch;
    payload.pause();
    if (!this.halts.add(topic, partition, error)) return;
    this.options.metrics?.halted(topic, partition, true, error.name);
    this.options.log?.('error', 'ledger invariant broken: partition halted', {
      topic,
      partition,
      firstOffset: payload.batch.firstOffset(),
      reason: error.name,
      error: error.message,
    });
  }

  private setJoined(joined: boolean): void {
    this.joined = joined;
    this.joinedOnce ||= joined;
    this.options.metrics?.joined(joined);
  }
}

/** Waits for `work` (its failure ignored) or `timeoutMs`, whichever comes first. */
async function settledWithin(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([work.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
