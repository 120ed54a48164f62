import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  BATCH_DURATION_BUCKETS_SECONDS,
  DEAD_LETTER_REASONS,
  DeadLetterReason,
  METRICS,
} from './metric-names';

export interface ClearingMetricsOptions {
  /** Registry to register into; a fresh one by default so tests can run several services in one process. */
  readonly registry?: Registry;
  /** When given, exposes `clearing_build_info{service,version} 1`. */
  readonly build?: { readonly service: string; readonly version: string };
}

type Labels<K extends keyof typeof METRICS> = (typeof METRICS)[K]['labelNames'][number];

/**
 * prom-client's default metrics include these gauges named like counters, which `promtool check metrics`
 * rejects; each is just the sum of its per-type twin without `_total` (nodejs_active_handles{type}...),
 * so dropping them loses nothing.
 */
const MISNAMED_DEFAULT_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** Maps a decoder's rejection code onto the closed label set; anything unforeseen counts as `rejected`. */
export function deadLetterReasonOf(code: string): DeadLetterReason {
  return (DEAD_LETTER_REASONS as readonly string[]).includes(code) ? (code as DeadLetterReason) : 'rejected';
}

/**
 * The metrics of one service instance, in its own prom-client Registry (never the global default
 * registry, which would be shared by every instance created in one process). Process metrics (CPU,
 * memory, event loop lag, GC) are collected into it too. The methods match libs/kafka's LoopMetrics, so
 * an instance can be handed straight to the consume loop; the prom-client objects stay private so every
 * update goes through a method that keeps labels in their closed sets.
 */
export class ClearingMetrics {
  readonly registry: Registry;
  private readonly messagesConsumed: Counter<Labels<'messagesConsumed'>>;
  private readonly messagesProduced: Counter<Labels<'messagesProduced'>>;
  private readonly messagesDeadLettered: Counter<Labels<'messagesDeadLettered'>>;
  private readonly messagesForwarded: Counter<Labels<'messagesForwarded'>>;
  private readonly batchDuration: Histogram<Labels<'batchDuration'>>;
  private readonly consumerLag: Gauge<Labels<'consumerLag'>>;
  private readonly consumerJoined: Gauge;
  private readonly consumerCrashes: Counter;
  private readonly ledgerInvariantOk: Gauge<Labels<'ledgerInvariantOk'>>;
  private readonly partitionHalted: Gauge<Labels<'partitionHalted'>>;

  constructor(options: ClearingMetricsOptions = {}) {
    this.registry = options.registry ?? new Registry();
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    for (const name of MISNAMED_DEFAULT_GAUGES) this.registry.removeSingleMetric(name);
    this.messagesConsumed = new Counter({ ...METRICS.messagesConsumed, registers });
    this.messagesProduced = new Counter({ ...METRICS.messagesProduced, registers });
    this.messagesDeadLettered = new Counter({ ...METRICS.messagesDeadLettered, registers });
    this.messagesForwarded = new Counter({ ...METRICS.messagesForwarded, registers });
    this.batchDuration = new Histogram({
      ...METRICS.batchDuration,
      buckets: BATCH_DURATION_BUCKETS_SECONDS,
      registers,
    });
    this.consumerLag = new Gauge({ ...METRICS.consumerLag, registers });
    this.consumerJoined = new Gauge({ ...METRICS.consumerJoined, registers });
    this.consumerCrashes = new Counter({ ...METRICS.consumerCrashes, registers });
    this.ledgerInvariantOk = new Gauge({ ...METRICS.ledgerInvariantOk, registers });
    this.partitionHalted = new Gauge({ ...METRICS.partitionHalted, registers });
    if (options.build) new Gauge({ ...METRICS.buildInfo, registers }).set(options.build, 1);
  }

  consumed(topic: string, count: number): void {
    this.messagesConsumed.inc({ topic }, count);
  }

  produced(topic: string, count: number): void {
    this.messagesProduced.inc({ topic }, count);
  }

  /** `code` is the decoder's rejection code; see deadLetterReasonOf. */
  deadLettered(topic: string, code: string, count: number): void {
    this.messagesDeadLettered.inc({ topic, reason: deadLetterReasonOf(code) }, count);
  }

  forwarded(topic: string, count: number): void {
    this.messagesForwarded.inc({ topic }, count);
  }

  batchSeconds(topic: string, seconds: number): void {
    this.batchDuration.observe({ topic }, seconds);
  }

  lag(topic: string, partition: number, lagMessages: number): void {
    this.consumerLag.set({ topic, partition }, lagMessages);
  }

  joined(isJoined: boolean): void {
    this.consumerJoined.set(isJoined ? 1 : 0);
  }

  crashed(): void {
    this.consumerCrashes.inc();
  }

  halted(topic: string, partition: number, isHalted: boolean, reason: string): void {
    this.partitionHalted.set({ topic, partition, reason }, isHalted ? 1 : 0);
  }

  ledgerInvariant(partition: number, isOk: boolean): void {
    this.ledgerInvariantOk.set({ partition }, isOk ? 1 : 0);
  }

  /**
   * Creates the zero-valued series of an input topic (consumed, forwarded, every dead-letter reason) so that
   * rate() and absent-series alerts work before the first message or first rejection arrives.
   */
  initInputTopic(topic: string): void {
    this.messagesConsumed.inc({ topic }, 0);
    this.messagesForwarded.inc({ topic }, 0);
    for (const reason of DEAD_LETTER_REASONS) this.messagesDeadLettered.inc({ topic, reason }, 0);
  }

  /** Prometheus text exposition of this instance's registry. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
