export {
  BATCH_DURATION_BUCKETS_SECONDS,
  DEAD_LETTER_REASONS,
  type DeadLetterReason,
  METRIC_NAMES,
  METRICS,
} from './metric-names';
export { ClearingMetrics, type ClearingMetricsOptions, deadLetterReasonOf } from './clearing-metrics';
export {
  DEFAULT_CHECK_TIMEOUT_MS,
  LivenessRegistry,
  type ReadinessCheck,
  ReadinessRegistry,
  type ReadinessResult,
  type ReadinessStatus,
} from './readiness-registry';
export { databaseReadinessCheck, type SqlQueryable } from './database-check';
export {
  censorSecret,
  isUnloggedRequest,
  type LoggerIdentity,
  loggerOptions,
  REDACTED_PATHS,
  UNLOGGED_PATH_PREFIXES,
} from './logger-options';
export { BuildInfo } from './build-info';
export { ObservabilityModule, type ObservabilityOptions } from './observability.module';
export { HealthController } from './health.controller';
export { MetricsController } from './metrics.controller';
export { bootstrapService, type BootstrapOptions } from './bootstrap-service';
export * from './openapi';
