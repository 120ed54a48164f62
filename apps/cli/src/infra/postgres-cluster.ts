import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraPaths } from './paths';
import { isAlive, runCommand } from './processes';

/** A private cluster of this repository, under .infra/postgres: started and stopped by `infra up/down` only. */
export interface PostgresClusterFiles {
  readonly dataDir: string;
  readonly logFile: string;
  readonly portFile: string;
}

export function postgresClusterFiles(paths: InfraPaths): PostgresClusterFiles {
  return {
    dataDir: join(paths.postgresState, 'data'),
    logFile: join(paths.postgresState, 'postgres.log'),
    portFile: join(paths.postgresState, 'port'),
  };
}

const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
/** initdb refuses to run as root; this user owns the private cluster when the CLI runs as root. */
const CLUSTER_OS_USER = 'postgres';

/** The bin folder of the newest Postgres the machine has (Debian layout), if any. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(DEBIAN_POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_POSTGRES_ROOT)
    .filter((version) => existsSync(join(DEBIAN_POSTGRES_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(DEBIAN_POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

/** Installs Debian's Postgres; only root can, and only when the machine has none. */
export async function installPostgres(log: (line: string) => void): Promise<string> {
  if (process.getuid?.() !== 0)
    throw new Error('no Postgres binaries under /usr/lib/postgresql; install postgresql');
  log('postgres: no Postgres binaries found; installing Debian package postgresql (apt-get)');
  for (const args of [['update'], ['install', '-y', 'postgresql']]) {
    const result = await runCommand('apt-get', args);
    if (result.code !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed:\n${result.output.slice(-3000)}`);
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error('postgresql was installed but no initdb appeared under /usr/lib/postgresql');
  return bin;
}

/** Runs a Postgres tool as the cluster's OS user when we are root, as ourselves otherwise. */
function runAsClusterUser(bin: string, tool: string, args: readonly string[]) {
  const file = join(bin, tool);
  if (process.getuid?.() !== 0) return runCommand(file, args);
  return runCommand('runuser', ['-u', CLUSTER_OS_USER, '--', file, ...args]);
}

async function ownStateDirByClusterUser(paths: InfraPaths): Promise<void> {
  mkdirSync(paths.postgresState, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const ids = await runCommand('id', ['-u', CLUSTER_OS_USER]);
  const group = await runCommand('id', ['-g', CLUSTER_OS_USER]);
  if (ids.code !== 0) throw new Error(`no OS user "${CLUSTER_OS_USER}" to own the private Postgres cluster`);
  chownSync(paths.postgresState, Number(ids.output.trim()), Number(group.output.trim()));
}

/** initdb with trust auth and the URL's user as superuser, unless the cluster already exists. */
export async function initCluster(paths: InfraPaths, bin: string, superuser: string): Promise<void> {
  const files = postgresClusterFiles(paths);
  if (existsSync(join(files.dataDir, 'PG_VERSION'))) return;
  await ownStateDirByClusterUser(paths);
  const args = [
    '-D',
    files.dataDir,
    '-U',
    superuser,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-instructions',
  ];
  const result = await runAsClusterUser(bin, 'initdb', args);
  if (result.code !== 0) throw new Error(`initdb failed:\n${result.output.slice(-3000)}`);
}

/** Starts the private cluster on 127.0.0.1:`port` (TCP only: no Unix socket to find a writable folder for). */
export async function startCluster(paths: InfraPaths, bin: string, port: number): Promise<void> {
  const files = postgresClusterFiles(paths);
  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=''`;
  const args = ['-D', files.dataDir, '-l', files.logFile, '-o', serverOptions, '-w', '-t', '60', 'start'];
  const result = await runAsClusterUser(bin, 'pg_ctl', args);
  if (result.code !== 0)
    throw new Error(`pg_ctl start failed; see ${files.logFile}:\n${result.output.slice(-3000)}`);
}

/**
 * Remembers the port of a cluster started without DATABASE_URL, so later commands find it on a fallback
 * port; with DATABASE_URL set the URL itself says where, and nothing is remembered.
 */
export function rememberClusterPort(paths: InfraPaths, port: number): void {
  writeFileSync(postgresClusterFiles(paths).portFile, `${port}\n`);
}

/** The postmaster pid of the private cluster if it runs (first line of postmaster.pid). */
export function runningClusterPid(paths: InfraPaths): number | undefined {
  const pidFile = join(postgresClusterFiles(paths).dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** The port remembered by `rememberClusterPort`, if any. */
export function clusterPort(paths: InfraPaths): number | undefined {
  const { portFile } = postgresClusterFiles(paths);
  return existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : undefined;
}

/**
 * pg_ctl's shutdown modes: `fast` rolls back open transactions and checkpoints; `immediate` quits without
 * a checkpoint, like a power cut, so the next start replays the WAL (the chaos suite uses both).
 */
export type ClusterStopMode = 'fast' | 'immediate';

export async function stopCluster(
  paths: InfraPaths,
  mode: ClusterStopMode = 'fast',
): Promise<'stopped' | 'not running'> {
  if (runningClusterPid(paths) === undefined) return 'not running';
  const bin = findPostgresBin();
  if (!bin) throw new Error('the private Postgres cluster runs but no pg_ctl was found to stop it');
  const args = ['-D', postgresClusterFiles(paths).dataDir, '-m', mode, '-w', 'stop'];
  const result = await runAsClusterUser(bin, 'pg_ctl', args);
  if (result.code !== 0) throw new Error(`pg_ctl stop failed:\n${result.output.slice(-3000)}`);
  return 'stopped';
}
