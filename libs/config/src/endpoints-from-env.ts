import { ConfigValidationError } from './config-validation-error';
import { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS } from './clearing-config';
import { Env, EnvReader } from './env-readers';

/** KAFKA_BROKERS for tools that are not a service (CLI, tests, workers): same parsing and default. */
export function kafkaBrokersFromEnv(env: Env = process.env): string[] {
  const read = new EnvReader(env);
  const brokers = read.brokers('KAFKA_BROKERS', DEFAULT_KAFKA_BROKERS);
  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return [...brokers];
}

/** DATABASE_URL for tools that are not a service (CLI, tests, workers): same validation and default. */
export function databaseUrlFromEnv(env: Env = process.env): string {
  const read = new EnvReader(env);
  const url = read.postgresUrl('DATABASE_URL', DEFAULT_DATABASE_URL);
  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return url;
}
