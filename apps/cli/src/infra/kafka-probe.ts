import { Kafka, logLevel, SASLOptions } from 'kafkajs';
import { ScramUser } from './kafka-config';

/** How a kafkajs client logs in as a user of a SASL broker (kafka-config.ts). */
export function scramLogin(user: ScramUser): SASLOptions {
  return { mechanism: 'scram-sha-512', username: user.name, password: user.password };
}

/**
 * Whether a Kafka cluster answers a metadata request at `brokers` within `timeoutMs`. No retries inside
 * kafkajs: the callers poll, and a probe of a stopped broker must come back fast. A SASL broker answers
 * only an authenticated probe.
 */
export async function kafkaAnswers(
  brokers: readonly string[],
  timeoutMs = 3000,
  sasl?: SASLOptions,
): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'clearing-infra-probe',
    brokers: [...brokers],
    sasl,
    connectionTimeout: Math.min(timeoutMs, 2000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await withTimeout(admin.connect(), timeoutMs);
    const cluster = await withTimeout(admin.describeCluster(), timeoutMs);
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
