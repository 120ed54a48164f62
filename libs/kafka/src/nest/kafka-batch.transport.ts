import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EntityManager } from 'typeorm';
import { BatchConsumer, LoopStatus } from '../batch-consumer';
import { ProjectionLoopOptions, projectionLoop, TransformLoopOptions, transformLoop } from '../loops';
import { DecodedBatch, TransformResult } from '../messages';

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

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    if (options.transportId) this.setTransportId(options.transportId);
  }

  /**
   * Returns at once and joins in the background, retrying with a capped backoff: like the database, an
   * unreachable broker makes the service unready (loopStatus), never kills it.
   */
  listen(callback: (error?: unknown) => void): void {
    void this.startWithRetry([...this.messageHandlers.keys()], 1_000);
    callback();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.loop?.stop();
  }

  private async startWithRetry(topics: string[], delayMs: number): Promise<void> {
    if (this.closed) return;
    this.loop = this.createLoop(topics);
    try {
      await this.loop.start();
    } catch (error) {
      await this.loop.stop().catch(() => undefined);
      this.options.log?.('error', 'consume loop could not start; retrying', {
        error: String(error),
        retryInMs: delayMs,
      });
      this.retryTimer = setTimeout(
        () => void this.startWithRetry(topics, Math.min(delayMs * 2, 30_000)),
        delayMs,
      );
    }
  }

  /** For readiness probes: joined the group, and which partitions are halted. */
  loopStatus(): LoopStatus {
    return this.loop?.status() ?? { running: false, joined: false, haltedPartitions: [] };
  }

  on(): never {
    throw new Error('KafkaBatchTransport has no event listeners: read loopStatus() instead');
  }

  unwrap<T>(): T {
    return this.loop as T;
  }

  private createLoop(topics: string[]): BatchConsumer {
    if (this.options.mode === 'transform') {
      const { mode, transportId, ...rest } = this.options;
      return transformLoop({ ...rest, topics, transform: (batch) => this.invoke<TransformResult>(batch) });
    }
    const { mode, transportId, ...rest } = this.options;
    return projectionLoop({ ...rest, topics, project: (batch, db) => this.invoke<void>(batch, db) });
  }

  private async invoke<R>(batch: DecodedBatch<unknown>, db?: EntityManager): Promise<R> {
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) throw new Error(`no @EventPattern handler for topic ${batch.topic}`);
    const result = await handler(batch, new KafkaBatchContext(db));
    return (await lastValueFrom(this.transformToObservable(result), { defaultValue: [] })) as R;
  }
}
