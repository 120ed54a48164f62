/** What the consume loop reports; libs/observability implements it on a prom-client registry. */
export interface LoopMetrics {
  consumed(topic: string, count: number): void;
  produced(topic: string, count: number): void;
  deadLettered(topic: string, code: string, count: number): void;
  /** Re-published unchanged to the partition owning them: neither accepted nor rejected here. */
  forwarded(topic: string, count: number): void;
  batchSeconds(topic: string, seconds: number): void;
  lag(topic: string, partition: number, lagMessages: number): void;
  joined(isJoined: boolean): void;
  /** The kafkajs consumer crashed, whether or not it restarts itself: poison must never cause one. */
  crashed(): void;
  /** `reason`: the breaking error's name (SequenceGapError, LedgerInvariantError...). */
  halted(topic: string, partition: number, isHalted: boolean, reason: string): void;
  /** Zero series of an input topic (consumed, forwarded, each dead-letter reason) so rate() works before the first one. */
  initInputTopic?(topic: string): void;
}

/** Tallies items by a label so a metric is incremented once per label per batch, not per message. */
export function countBy<T>(items: readonly T[], labelOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(labelOf(item), (counts.get(labelOf(item)) ?? 0) + 1);
  return counts;
}

/**
 * Reports one committed batch: consumed, produced per output topic, dead-lettered per reason code and
 * forwarded, so that consumed = accepted + dead-lettered + forwarded.
 */
export function reportBatch(
  metrics: LoopMetrics | undefined,
  topic: string,
  consumed: number,
  outputs: readonly { topic: string }[],
  rejected: readonly { code: string }[],
  forwardedCount = 0,
): void {
  if (!metrics || consumed === 0) return;
  metrics.consumed(topic, consumed);
  for (const [outTopic, count] of countBy(outputs, (m) => m.topic)) metrics.produced(outTopic, count);
  for (const [code, count] of countBy(rejected, (r) => r.code)) metrics.deadLettered(topic, code, count);
  if (forwardedCount > 0) metrics.forwarded(topic, forwardedCount);
}
