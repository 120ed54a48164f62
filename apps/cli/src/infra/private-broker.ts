import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPortPair } from '@clearing/testing';
import { ensureKafka } from './kafka';
import { killKafkaBroker } from './kafka-broker';
import { KafkaSaslSettings } from './kafka-config';
import { InfraPaths, infraPaths } from './paths';

/** The shared broker, its controller and the machine's Postgres: a test's own infra never takes them. */
const SHARED_PORTS = new Set([9092, 9093, 5432]);
const KAFKA_READY_TIMEOUT_MS = 90_000;

export function assertNotShared(port: number): void {
  if (SHARED_PORTS.has(port)) throw new Error(`free port ${port} is a shared service's port`);
}

/** A free loopback port for a private broker; the next one (its controller's) is free too. */
export async function privateBrokerPort(): Promise<number> {
  const port = await freeLoopbackPortPair();
  assertNotShared(port);
  assertNotShared(port + 1);
  return port;
}

/** A Kafka broker of one test alone: state under a fresh temp folder, on free loopback ports. */
export interface PrivateBroker {
  readonly rootDir: string;
  readonly paths: InfraPaths;
  readonly brokers: string[];
}

/** Starts it with the project's own infra code, optionally with SASL/SCRAM and ACLs (kafka-config.ts). */
export async function startPrivateBroker(
  sasl?: KafkaSaslSettings,
  log: (line: string) => void = () => undefined,
): Promise<PrivateBroker> {
  const rootDir = mkdtempSync(join(tmpdir(), 'clearing-kafka-'));
  const paths = { ...infraPaths(), kafkaState: join(rootDir, 'kafka'), postgresState: join(rootDir, 'pg') };
  const broker: PrivateBroker = { rootDir, paths, brokers: [`127.0.0.1:${await privateBrokerPort()}`] };
  try {
    await ensureKafka(paths, broker.brokers, KAFKA_READY_TIMEOUT_MS, log, sasl);
  } catch (error) {
    await stopPrivateBroker(broker);
    throw error;
  }
  return broker;
}

/** Kills the broker (nothing in it is worth a clean shutdown) and removes its files. Never throws. */
export async function stopPrivateBroker(broker: PrivateBroker): Promise<void> {
  await killKafkaBroker(broker.paths).catch(() => undefined);
  rmSync(broker.rootDir, { recursive: true, force: true });
}
