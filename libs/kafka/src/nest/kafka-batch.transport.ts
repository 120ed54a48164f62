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

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    if (options.transportId) this.setTransportId(options.transportId);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    try {
      this.loop = this.createLoop(topics);
      await this.loop.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.loop?.stop();
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
