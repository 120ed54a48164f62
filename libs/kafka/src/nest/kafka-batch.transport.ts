import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EntityManager } from 'typeorm';
import { BatchConsumer, LoopStatus } from '../batch-consumer';
import { PartitionHalts } from '../partition-halt';
import { ProjectionLoopOptions, projectionLoop, TransformLoopOptions, transformLoop } from '../loops';
import { DecodedBatch, TransformResult } from '../messages';

/** Restarts back off to this; a broker back after an outage is picked up within it. */
const MAX_RETRY_MS = 10_000;
/** Consecutive loop deaths without ever joining after which liveness fails (a pod restart may help). */
const MAX_DEATHS = 6;

const NOT_STARTED: LoopStatus = {
  running: false,
  joined: false,
  joinedOnce: false,
  haltedPartitions: [],
  alive: true,
};

/** Passed to handlers as `@Ctx()`: the open database transaction in projection mode. */
export class KafkaBatchContext {
  constructor(readonly db?: EntityManager) {}
}

type Handled = 'topics' | 'transform' | 'project';
/** `transportId` scopes handlers when a service runs several loops: `@EventPattern(topic, transportId)`. */
type TransportCommon = { transportId?: symbol };
export type KafkaBatchTransportOptions =
  | ({ mode: 'transform' } & TransportCommon & Omit<TransformLoopOptions<unknown>, Handled>)
  | ({ mode: 'projection' } & TransportCommon & Omit<ProjectionLoopOptions<unknown>, Handled>);

/**
 * The exactly-once batch loop as a NestJS microservice transport. Each `@EventPattern(topic)` handler
 * receives one DecodedBatch of that topic (never a single message: the stock Kafka transport's
 * one-at-a-time consumption starves heartbeats, nestjs/nest#12703) and, in transform mode, returns the
 * messages to publish in the same Kafka transaction; in projection mode it writes through
 * `@Ctx() ctx.db`, the transaction the offsets commit in.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private loop?: BatchConsumer;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;
  private readonly halts: PartitionHalts;
  /** What this transport's loops committed, handed from a dead loop to its replacement. */
  private readonly ownCommitted = new Map<string, bigint>();
  /** Loop deaths since it last joined its group; past MAX_DEATHS the process is better restarted. */
  private deathsSinceJoined = 0;

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    if (options.transportId) this.setTransportId(options.transportId);
    this.halts = new PartitionHalts(options.log);
  }

  /**
   * Returns at once and joins in the background, retrying with a capped backoff: like the database, an
   * unreachable broker makes the service unready (loopStatus), never kills it.
   */
  listen(callback: (error?: unknown) => void): void {
    void this.startWithRetry(1_000);
    callback();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.halts.close();
    await this.loop?.stop();
  }

  /** For the probes: joined the group, which partitions are halted, and whether the loop is alive. */
  loopStatus(): LoopStatus {
    const status = this.loop?.status() ?? NOT_STARTED;
    return { ...status, haltedPartitions: this.halts.keys(), alive: this.deathsSinceJoined < MAX_DEATHS };
  }

  /**
   * An operator resumes a halted partition after a fix: the halt is forgotten and the consume loop replaced,
   * exactly what a service restart does to it, so the partition is read again from its committed offset
   * (never advanced past the bad batch) under a fresh state epoch. False when it was not halted here.
   */
  async resumeHalted(topic: string, partition: number): Promise<boolean> {
    const reason = this.halts.remove(topic, partition);
    if (reason === undefined) return false;
    this.options.metrics?.halted(topic, partition, false, reason);
    this.options.log?.('info', 'halted partition resumed by an operator', { topic, partition, reason });
    const halted = this.loop;
    this.loop = undefined;
    await halted?.stop();
    void this.startWithRetry(1_000);
    return true;
  }

  private async startWithRetry(delayMs: number): Promise<void> {
    if (this.closed) return;
    this.loop = this.createLoop([...this.messageHandlers.keys()]);
    try {
      await this.loop.start();
    } catch (error) {
      await this.loop.stop().catch(() => undefined);
      this.options.log?.('error', 'consume loop could not start; retrying', {
        error: String(error),
        retryInMs: delayMs,
      });
      this.retryTimer = setTimeout(
        () => void this.startWithRetry(Math.min(delayMs * 2, MAX_RETRY_MS)),
        delayMs,
      );
    }
  }

  /** The kafkajs consumer died for good (e.g. after a broker restart): a fresh loop takes its place. */
  private replaceDeadLoop(dead: BatchConsumer): void {
    if (this.closed || this.loop !== dead) return;
    this.deathsSinceJoined = dead.status().joinedOnce ? 1 : this.deathsSinceJoined + 1;
    const delayMs = Math.min(1_000 * 2 ** (this.deathsSinceJoined - 1), MAX_RETRY_MS);
    this.options.log?.('error', 'consume loop died; starting a new one', {
      deathsSinceJoined: this.deathsSinceJoined,
      restartInMs: delayMs,
    });
    void dead.stop().catch(() => undefined);
    this.retryTimer = setTimeout(() => void this.startWithRetry(delayMs), delayMs);
  }

  on(): never {
    throw new Error('KafkaBatchTransport has no event listeners: read loopStatus() instead');
  }

  unwrap<T>(): T {
    return this.loop as T;
  }

  private createLoop(topics: string[]): BatchConsumer {
    const common = { topics, halts: this.halts, onDead: () => this.replaceDeadLoop(loop) };
    let loop: BatchConsumer;
    if (this.options.mode === 'transform') {
      const { mode, transportId, ...rest } = this.options;
      const ownCommitted = this.ownCommitted;
      loop = transformLoop({
        ...rest,
        ...common,
        ownCommitted,
        transform: (batch) => this.invoke<TransformResult>(batch),
      });
    } else {
      const { mode, transportId, ...rest } = this.options;
      loop = projectionLoop({ ...rest, ...common, project: (batch, db) => this.invoke<void>(batch, db) });
    }
    return loop;
  }

  private async invoke<R>(batch: DecodedBatch<unknown>, db?: EntityManager): Promise<R> {
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) throw new Error(`no @EventPattern handler for topic ${batch.topic}`);
    try {
      const result = await handler(batch, new KafkaBatchContext(db));
      return (await lastValueFrom(this.transformToObservable(result), { defaultValue: [] })) as R;
    } catch (error) {
      if (error instanceof Error) throw error;
      // Nest's own filter ran (a transport not wired with connectBatchTransport): say so, loudly.
      throw new Error(
        `handler failed with a non-Error (${JSON.stringify(error)}); decorate the handler class with @BatchHandler()`,
      );
    }
  }
}
