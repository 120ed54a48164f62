/**
 * Every metric this system exposes, in one place, so dashboards, alert rules and their tests have a single
 * list to check against. Prometheus conventions: `clearing_` prefix, base units (`_seconds`), `_total` on
 * counters, and label values from small closed sets only (topics, partitions, reasons: never account ids,
 * which would make one time series per account).
 */
export const METRICS = {
  buildInfo: {
    name: 'clearing_build_info',
    help: 'Always 1; labels tell which service and release version this process runs.',
    labelNames: ['service', 'version'],
  },
  messagesConsumed: {
    name: 'clearing_messages_consumed_total',
    help: 'Kafka messages read from an input topic (accepted + dead-lettered).',
    labelNames: ['topic'],
  },
  messagesProduced: {
    name: 'clearing_messages_produced_total',
    help: 'Kafka messages written to an output topic in committed transactions.',
    labelNames: ['topic'],
  },
  messagesDeadLettered: {
    name: 'clearing_messages_dead_lettered_total',
    help: 'Input messages sent to the .dlq twin of their topic, by reason.',
    labelNames: ['topic', 'reason'],
  },
  messagesForwarded: {
    name: 'clearing_messages_forwarded_total',
    help: 'Input messages re-published unchanged to the partition that owns them (the producer partitioned by another hash); consumed = accepted + dead-lettered + forwarded.',
    labelNames: ['topic'],
  },
  batchDuration: {
    name: 'clearing_batch_duration_seconds',
    help: 'Time to process one consumed batch end to end (decide, produce, project, commit).',
    labelNames: ['topic'],
  },
  consumerLag: {
    name: 'clearing_consumer_lag_messages',
    help: 'High watermark minus committed offset of this consumer, per assigned partition.',
    labelNames: ['topic', 'partition'],
  },
  consumerCrashes: {
    name: 'clearing_consumer_crashes_total',
    help: 'Times the kafkajs consumer crashed (a batch kept failing, or the group broke); kafkajs restarts it or the loop is replaced.',
    labelNames: [],
  },
  consumerJoined: {
    name: 'clearing_consumer_joined',
    help: '1 while this instance is a member of its consumer group with partitions assigned, else 0.',
    labelNames: [],
  },
  ledgerInvariantOk: {
    name: 'clearing_ledger_invariant_ok',
    help: '1 while every committed journal event of the partition sums to zero per asset, 0 once broken.',
    labelNames: ['partition'],
  },
  partitionHalted: {
    name: 'clearing_partition_halted',
    help: '1 while processing of a partition is stopped by a broken ledger invariant (reason: the error), else 0.',
    labelNames: ['topic', 'partition', 'reason'],
  },
} as const;

/**
 * Metrics of the deleveraging engine alone (not registered by every service's ClearingMetrics, so not in
 * METRIC_NAMES): the solvency figures an alert rule reads.
 */
export const DELEVERAGING_METRICS = {
  backstopMarginShortfall: {
    name: 'clearing_backstop_margin_shortfall_usd',
    help: "How far the backstop account's margin NLV is below its maintenance requirement (0 when covered), USD: what it must be funded with to carry the positions it took over. Set by the instance that owns the backstop's partition; alert on max() > 0.",
    labelNames: [],
  },
} as const;

/** Why a message went to the DLQ: a closed set, so the `reason` label cannot explode. */
export const DEAD_LETTER_REASONS = ['too-large', 'not-json', 'schema', 'empty', 'rejected'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** Latency buckets in seconds: 1 ms to 10 s, where batch processing times are expected to fall. */
export const BATCH_DURATION_BUCKETS_SECONDS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export const METRIC_NAMES: readonly string[] = Object.values(METRICS).map((metric) => metric.name);
