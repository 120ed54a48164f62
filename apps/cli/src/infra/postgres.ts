import { DEFAULT_DATABASE_URL, isLoopback, redactPassword, withPort } from './endpoints';
import { InfraPaths } from './paths';
import {
  clusterPort,
  findPostgresBin,
  initCluster,
  installPostgres,
  rememberClusterPort,
  runningClusterPid,
  startCluster,
} from './postgres-cluster';
import { ensureDatabase, postgresServerAnswers } from './postgres-probe';
import { isPortOpen, sleep } from './processes';

/** Who serves the database: the URL given in DATABASE_URL, the machine's own server, or our private cluster. */
export type PostgresSource = 'DATABASE_URL' | 'machine server' | 'private cluster';

export interface PostgresTarget {
  readonly databaseUrl: string;
  readonly explicit: boolean;
}

export interface PostgresOutcome {
  readonly databaseUrl: string;
  readonly source: PostgresSource;
  readonly started: boolean;
  readonly createdDatabase: boolean;
}

/** Ports tried, after the default one, when something that is not a usable Postgres holds it. */
const FALLBACK_PORT_SPAN = 20;
const CLUSTER_START_TIMEOUT_MS = 60_000;

/** DATABASE_URL if set; else our private cluster's port if we ever started one; else the default. */
export function resolvePostgresTarget(
  paths: InfraPaths,
  env: NodeJS.ProcessEnv = process.env,
): PostgresTarget {
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv) return { databaseUrl: fromEnv, explicit: true };
  const privatePort = clusterPort(paths);
  const url = privatePort !== undefined ? withPort(DEFAULT_DATABASE_URL, privatePort) : DEFAULT_DATABASE_URL;
  return { databaseUrl: url, explicit: false };
}

export function postgresSource(paths: InfraPaths, target: PostgresTarget): PostgresSource {
  if (runningClusterPid(paths) !== undefined) return 'private cluster';
  return target.explicit ? 'DATABASE_URL' : 'machine server';
}

export async function ensurePostgres(
  paths: InfraPaths,
  log: (line: string) => void,
): Promise<PostgresOutcome> {
  const target = resolvePostgresTarget(paths);
  if (await postgresServerAnswers(target.databaseUrl)) {
    const createdDatabase = await ensureDatabase(target.databaseUrl);
    return {
      databaseUrl: target.databaseUrl,
      source: postgresSource(paths, target),
      started: false,
      createdDatabase,
    };
  }
  const url = new URL(target.databaseUrl);
  if (!isLoopback(url.hostname)) {
    throw new Error(
      `Postgres at ${redactPassword(target.databaseUrl)} does not answer; only a loopback one can be started here`,
    );
  }
  const bin = findPostgresBin() ?? (await installPostgres(log));
  // Installing Debian's package may itself start the machine's server on the default port.
  if (!target.explicit && (await postgresServerAnswers(target.databaseUrl)))
    return ensurePostgres(paths, log);
  const databaseUrl = await startPrivateCluster(paths, bin, target, log);
  const createdDatabase = await ensureDatabase(databaseUrl);
  return { databaseUrl, source: 'private cluster', started: true, createdDatabase };
}

async function startPrivateCluster(
  paths: InfraPaths,
  bin: string,
  target: PostgresTarget,
  log: (line: string) => void,
): Promise<string> {
  if (runningClusterPid(paths) !== undefined) return awaitStartingCluster(target.databaseUrl);
  const url = new URL(target.databaseUrl);
  const port = await choosePort(Number(url.port || 5432), target.explicit);
  await initCluster(paths, bin, decodeURIComponent(url.username) || 'postgres');
  await startCluster(paths, bin, port);
  if (!target.explicit) rememberClusterPort(paths, port);
  const databaseUrl = withPort(target.databaseUrl, port);
  log(`postgres: started a private cluster (${bin}) on 127.0.0.1:${port}`);
  if (databaseUrl !== target.databaseUrl) log(`postgres: use DATABASE_URL=${redactPassword(databaseUrl)}`);
  return databaseUrl;
}

/** Our cluster's postmaster runs but did not answer yet (recovering after a crash, or another `up` racing). */
async function awaitStartingCluster(databaseUrl: string): Promise<string> {
  const deadline = Date.now() + CLUSTER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await postgresServerAnswers(databaseUrl)) return databaseUrl;
    await sleep(500);
  }
  throw new Error(`the private Postgres cluster runs but does not answer at ${redactPassword(databaseUrl)}`);
}

/** The wanted port unless something that did not answer as Postgres holds it; then the next free one. */
async function choosePort(wanted: number, explicit: boolean): Promise<number> {
  if (!(await isPortOpen('127.0.0.1', wanted))) return wanted;
  if (explicit)
    throw new Error(`port ${wanted} of DATABASE_URL is taken by something that is not a usable Postgres`);
  for (let port = wanted + 1; port <= wanted + FALLBACK_PORT_SPAN; port++) {
    if (!(await isPortOpen('127.0.0.1', port))) return port;
  }
  throw new Error(`ports ${wanted}-${wanted + FALLBACK_PORT_SPAN} are all taken; set DATABASE_URL`);
}
