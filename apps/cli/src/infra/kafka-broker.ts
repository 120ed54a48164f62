import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KAFKA_JVM_OPTIONS, KafkaNodeSettings, kafkaServerProperties, scramFormatArgs } from './kafka-config';
import { InfraPaths } from './paths';
import {
  commandLine,
  isAlive,
  killNow,
  readPidFile,
  runCommand,
  spawnDetached,
  terminate,
  writePidFile,
} from './processes';

const KAFKA_MAIN_CLASS = 'kafka.Kafka';
const STORAGE_TOOL_CLASS = 'kafka.tools.StorageTool';
/** A clean KRaft shutdown of a single node takes a few seconds; past this the broker is killed. */
const SHUTDOWN_GRACE_MS = 30_000;

/** The files of the local broker, all under .infra/kafka so `rm -rf .infra` resets it. */
export interface KafkaFiles {
  readonly properties: string;
  readonly clusterId: string;
  readonly dataDir: string;
  readonly pidFile: string;
  readonly logFile: string;
}

export function kafkaFiles(paths: InfraPaths): KafkaFiles {
  const dir = paths.kafkaState;
  return {
    properties: join(dir, 'server.properties'),
    clusterId: join(dir, 'cluster-id'),
    dataDir: join(dir, 'data'),
    pidFile: join(dir, 'kafka.pid'),
    logFile: join(dir, 'kafka.log'),
  };
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function javaArgs(paths: InfraPaths, libs: string, mainClass: string, args: readonly string[]): string[] {
  const logging = `-Dlog4j2.configurationFile=${paths.kafkaLog4jConfig}`;
  return [...KAFKA_JVM_OPTIONS, logging, '-cp', join(libs, '*'), mainClass, ...args];
}

/**
 * KRaft ids are 16 random bytes in URL-safe base64 without padding (what `kafka-storage random-uuid` prints).
 * Like Kafka's own Uuid.randomUuid, never one starting with '-': `format -t -xyz...` reads it as an option
 * ("argument --cluster-id/-t: expected one argument"), which failed a CI run's private broker 1 time in 64.
 */
export function newClusterId(): string {
  for (;;) {
    const id = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * Writes server.properties and formats the log directory on first start. The cluster id is persisted, so a
 * later start re-uses the formatted data; a data dir without meta.properties (a half-done format) is redone.
 * SCRAM users exist from the first metadata record on, so a SASL broker can authenticate itself at once.
 */
export async function prepareKafkaStorage(
  paths: InfraPaths,
  libs: string,
  settings: KafkaNodeSettings,
): Promise<void> {
  const files = kafkaFiles(paths);
  mkdirSync(paths.kafkaState, { recursive: true });
  writeFileSync(files.properties, kafkaServerProperties(settings));
  if (existsSync(join(files.dataDir, 'meta.properties'))) return;

  if (!existsSync(files.clusterId)) writeFileSync(files.clusterId, `${newClusterId()}\n`);
  const clusterId = readFileSync(files.clusterId, 'utf8').trim();
  rmSync(files.dataDir, { recursive: true, force: true });
  const format = ['format', '-t', clusterId, '-c', files.properties, ...scramFormatArgs(settings.sasl)];
  const args = javaArgs(paths, libs, STORAGE_TOOL_CLASS, format);
  const result = await runCommand(javaBinary(), args, paths.repoRoot);
  if (result.code !== 0) {
    throw new Error(`formatting Kafka storage in ${files.dataDir} failed:\n${result.output.slice(-3000)}`);
  }
}

/** Starts the broker detached from the CLI, with its pid in kafka.pid and its output in kafka.log. */
export function startKafkaBroker(paths: InfraPaths, libs: string): number {
  const files = kafkaFiles(paths);
  writeFileSync(
    files.logFile,
    `\n==== clearing infra up: starting Kafka at ${new Date().toISOString()} ====\n`,
    {
      flag: 'a',
    },
  );
  const pid = spawnDetached(
    javaBinary(),
    javaArgs(paths, libs, KAFKA_MAIN_CLASS, [files.properties]),
    files.logFile,
    paths.repoRoot,
  );
  writePidFile(files.pidFile, pid);
  return pid;
}

/** The pid of the broker this repository started, if it still runs (a stale or reused pid gives undefined). */
export function runningKafkaPid(paths: InfraPaths): number | undefined {
  const files = kafkaFiles(paths);
  const pid = readPidFile(files.pidFile);
  if (pid === undefined || !isAlive(pid)) return undefined;
  return commandLine(pid).includes(files.properties) ? pid : undefined;
}

export async function stopKafkaBroker(paths: InfraPaths): Promise<'stopped' | 'killed' | 'not running'> {
  const pid = runningKafkaPid(paths);
  const outcome = pid === undefined ? 'not running' : await terminate(pid, SHUTDOWN_GRACE_MS);
  rmSync(kafkaFiles(paths).pidFile, { force: true });
  return outcome;
}

/** SIGKILL, as a crashed node: no controlled shutdown, the next start recovers the log. Waits until gone. */
export async function killKafkaBroker(paths: InfraPaths): Promise<'killed' | 'not running'> {
  const pid = runningKafkaPid(paths);
  if (pid === undefined) return 'not running';
  await killNow(pid);
  rmSync(kafkaFiles(paths).pidFile, { force: true });
  return 'killed';
}
