import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from '@clearing/testing';
import { InfraEndpoints } from '../infra/endpoints';
import { ensureKafka } from '../infra/kafka';
import { killKafkaBroker, stopKafkaBroker } from '../infra/kafka-broker';
import { infraPaths, InfraPaths } from '../infra/paths';
import { assertNotShared, privateBrokerPort } from '../infra/private-broker';
import {
  ClusterStopMode,
  findPostgresBin,
  initCluster,
  startCluster,
  stopCluster,
} from '../infra/postgres-cluster';
import { ensureDatabase } from '../infra/postgres-probe';
import { provision } from '../infra/provision';

/**
 * A Kafka broker and a Postgres cluster of one test run alone: state under a fresh temp folder, on free
 * loopback ports, started with the project's own infra code. Faults are injected here and nowhere else,
 * so the shared broker (9092) and the machine's Postgres (5432) are never touched.
 */
export interface PrivateInfra {
  readonly rootDir: string;
  readonly paths: InfraPaths;
  readonly endpoints: InfraEndpoints;
  readonly postgresBin: string;
  readonly postgresPort: number;
}

const KAFKA_READY_TIMEOUT_MS = 90_000;

export async function startPrivateInfra(log: (line: string) => void): Promise<PrivateInfra> {
  const rootDir = mkdtempSync(join(tmpdir(), 'clearing-chaos-'));
  // initdb runs as the OS user `postgres` when we are root: it must be able to enter the folder.
  chmodSync(rootDir, 0o755);
  const paths = {
    ...infraPaths(),
    kafkaState: join(rootDir, 'kafka'),
    postgresState: join(rootDir, 'postgres'),
  };
  const kafkaPort = await privateBrokerPort();
  const postgresPort = await freeLoopbackPort();
  assertNotShared(postgresPort);
  const postgresBin = findPostgresBin();
  if (postgresBin === undefined) throw new Error('no Postgres binaries under /usr/lib/postgresql');
  const infra: PrivateInfra = {
    rootDir,
    paths,
    postgresBin,
    postgresPort,
    endpoints: {
      kafkaBrokers: [`127.0.0.1:${kafkaPort}`],
      databaseUrl: `postgres://postgres@127.0.0.1:${postgresPort}/clearing`,
    },
  };
  try {
    await Promise.all([startBroker(infra, log), startPostgres(infra)]);
    await ensureDatabase(infra.endpoints.databaseUrl);
    await provision(infra.endpoints, log, false);
  } catch (error) {
    await stopPrivateInfra(infra);
    throw error;
  }
  log(`private infra in ${rootDir}: kafka ${infra.endpoints.kafkaBrokers[0]}, postgres :${postgresPort}`);
  return infra;
}

async function startBroker(infra: PrivateInfra, log: (line: string) => void): Promise<void> {
  await ensureKafka(infra.paths, infra.endpoints.kafkaBrokers, KAFKA_READY_TIMEOUT_MS, log);
}

async function startPostgres(infra: PrivateInfra): Promise<void> {
  await initCluster(infra.paths, infra.postgresBin, 'postgres');
  await startCluster(infra.paths, infra.postgresBin, infra.postgresPort);
}

/** SIGTERM (controlled shutdown) or SIGKILL (crash) of the private broker, then start it on the same data. */
export async function restartBroker(infra: PrivateInfra, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (signal === 'SIGKILL') await killKafkaBroker(infra.paths);
  else await stopKafkaBroker(infra.paths);
  await startBroker(infra, () => undefined);
}

/** pg_ctl stop -m fast|immediate of the private cluster, then start it again on the same port. */
export async function restartPostgres(infra: PrivateInfra, mode: ClusterStopMode): Promise<void> {
  await stopCluster(infra.paths, mode);
  await startCluster(infra.paths, infra.postgresBin, infra.postgresPort);
}

/** Kills the broker, stops the cluster at once, and removes every file of the run. Never throws. */
export async function stopPrivateInfra(infra: PrivateInfra): Promise<void> {
  await killKafkaBroker(infra.paths).catch(() => undefined);
  await stopCluster(infra.paths, 'immediate').catch(() => undefined);
  rmSync(infra.rootDir, { recursive: true, force: true });
}
