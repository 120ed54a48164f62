import { ConfigValidationError } from './config-validation-error';
import { Env, EnvReader, LogLevel } from './env-readers';
import { KafkaAuth, readKafkaAuth } from './kafka-auth';

/** What an app states about itself in code; everything else comes from the environment. */
export interface ServiceDescriptor {
  /** Stable service name, e.g. `position-aggregator`; `SERVICE_NAME` may override it per deployment. */
  readonly service: string;
  /** Port used when `HTTP_PORT` is unset. */
  readonly defaultHttpPort: number;
}

/** The validated environment every service runs with. */
export interface ClearingConfig extends KafkaAuth {
  readonly serviceName: string;
  /** Distinguishes replicas of one service (pod name in k8s). */
  readonly instanceId: string;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaClientId: string;
  /** May carry credentials: log it only through the logger, whose redaction masks the password. */
  readonly databaseUrl: string;
  /** Postgres schema for every table (DATABASE_SCHEMA); unset means the server's default (public). */
  readonly databaseSchema?: string;
  readonly httpHost: string;
  readonly httpPort: number;
  readonly logLevel: LogLevel;
}

export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/clearing';
/** Loopback by default so a developer's service is not exposed on the network; k8s sets HTTP_HOST=0.0.0.0. */
export const DEFAULT_HTTP_HOST = '127.0.0.1';

/**
 * Pure: the same env always gives the same config or the same error. Throws ConfigValidationError naming
 * every variable that is wrong.
 */
export function parseClearingConfig(env: Env, descriptor: ServiceDescriptor): ClearingConfig {
  const read = new EnvReader(env);
  const serviceName = read.string('SERVICE_NAME', descriptor.service);
  // k8s sets HOSTNAME to the pod name, which is exactly the per-replica identity we want.
  const instanceId = read.string('INSTANCE_ID', read.string('HOSTNAME', 'local'));
  const config: ClearingConfig = {
    serviceName,
    instanceId,
    kafkaBrokers: read.brokers('KAFKA_BROKERS', DEFAULT_KAFKA_BROKERS),
    kafkaClientId: read.string('KAFKA_CLIENT_ID', serviceName),
    ...readKafkaAuth(read),
    databaseUrl: read.postgresUrl('DATABASE_URL', DEFAULT_DATABASE_URL),
    ...schemaOf(read.string('DATABASE_SCHEMA', '')),
    httpHost: read.string('HTTP_HOST', DEFAULT_HTTP_HOST),
    httpPort: read.port('HTTP_PORT', descriptor.defaultHttpPort),
    logLevel: read.logLevel('LOG_LEVEL', 'info'),
  };
  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return config;
}

function schemaOf(schema: string): { databaseSchema?: string } {
  return schema === '' ? {} : { databaseSchema: schema };
}
