import { InfraEndpoints, kafkaBrokersFromEnv } from './endpoints';
import { stopKafkaBroker } from './kafka-broker';
import { ensureKafka } from './kafka';
import { InfraPaths, infraPaths } from './paths';
import { stopCluster } from './postgres-cluster';
import { ensurePostgres } from './postgres';
import { provision } from './provision';
import { InfraStatus, infraStatusOf } from './status';

export { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS, InfraEndpoints } from './endpoints';
export { ComponentStatus, InfraStatus, formatStatus } from './status';

export interface EnsureInfraOptions {
  /** Progress lines (what was started, where); silent by default so test runners stay quiet. */
  readonly log?: (line: string) => void;
  /** How long a freshly started broker may take to answer. */
  readonly kafkaReadyTimeoutMs?: number;
  readonly paths?: InfraPaths;
}

const DEFAULT_KAFKA_READY_TIMEOUT_MS = 90_000;

/**
 * Makes Kafka and Postgres answer, starting local ones where nothing does, and returns where they are.
 * Idempotent and fast when both already run: the test runner and the demo call it before anything else.
 */
export async function ensureInfra(options: EnsureInfraOptions = {}): Promise<InfraEndpoints> {
  const log = options.log ?? (() => undefined);
  const paths = options.paths ?? infraPaths();
  const kafkaBrokers = kafkaBrokersFromEnv();
  const timeoutMs = options.kafkaReadyTimeoutMs ?? DEFAULT_KAFKA_READY_TIMEOUT_MS;
  const [kafka, postgres] = await Promise.all([
    ensureKafka(paths, kafkaBrokers, timeoutMs, log),
    ensurePostgres(paths, log),
  ]);
  if (kafka !== 'started') log(`kafka: ${kafka} at ${kafkaBrokers.join(',')}`);
  if (!postgres.started) log(`postgres: already running (${postgres.source})`);
  if (postgres.createdDatabase)
    log(`postgres: created database ${new URL(postgres.databaseUrl).pathname.slice(1)}`);
  const endpoints = { kafkaBrokers, databaseUrl: postgres.databaseUrl };
  await provision(endpoints, log);
  return endpoints;
}

/** Stops what `ensureInfra` started: the local broker and a private Postgres cluster, never the machine's. */
export async function stopInfra(options: Pick<EnsureInfraOptions, 'log' | 'paths'> = {}): Promise<void> {
  const log = options.log ?? (() => undefined);
  const paths = options.paths ?? infraPaths();
  const kafka = await stopKafkaBroker(paths);
  log(`kafka: ${kafka === 'not running' ? 'no local broker running' : `local broker ${kafka}`}`);
  const postgres = await stopCluster(paths);
  log(
    `postgres: ${postgres === 'stopped' ? 'private cluster stopped' : 'no private cluster running (a machine server is left alone)'}`,
  );
}

export async function infraStatus(options: Pick<EnsureInfraOptions, 'paths'> = {}): Promise<InfraStatus> {
  return infraStatusOf(options.paths ?? infraPaths());
}
