import { KafkaNodeSettings, KafkaSaslSettings } from './kafka-config';
import { ensureKafkaJars, readKafkaVersion } from './kafka-jars';
import { kafkaFiles, prepareKafkaStorage, runningKafkaPid, startKafkaBroker } from './kafka-broker';
import { kafkaAnswers, scramLogin } from './kafka-probe';
import { isLoopback, parseHostPort } from './endpoints';
import { InfraPaths } from './paths';
import { isAlive, sleep, tailOf } from './processes';

/** What `infra up` found or did for Kafka. */
export type KafkaOutcome = 'already running' | 'started' | 'external';

const POLL_INTERVAL_MS = 500;

/**
 * Makes Kafka answer at `brokers`: nothing to do if something already does; otherwise, for a loopback
 * address, starts the repository's own broker there (controller on the next port) and waits for it.
 * With `sasl` the broker authenticates and authorizes (kafka-config.ts), and is probed as its super user.
 */
export async function ensureKafka(
  paths: InfraPaths,
  brokers: readonly string[],
  readyTimeoutMs: number,
  log: (line: string) => void,
  sasl?: KafkaSaslSettings,
): Promise<KafkaOutcome> {
  const probe = (timeoutMs?: number) => kafkaAnswers(brokers, timeoutMs, sasl && scramLogin(sasl.superUser));
  if (await probe()) return runningKafkaPid(paths) === undefined ? 'external' : 'already running';
  const { host, port } = parseHostPort(brokers[0]);
  if (!isLoopback(host)) {
    throw new Error(
      `Kafka at KAFKA_BROKERS=${brokers.join(',')} does not answer, and only a loopback broker can be started here`,
    );
  }
  const starting = runningKafkaPid(paths);
  const address = { host, brokerPort: port, controllerPort: port + 1, sasl };
  const pid = starting ?? (await startLocalBroker(paths, address, log));
  if (starting !== undefined) log(`kafka: broker pid ${pid} is still starting; waiting for it`);
  await awaitKafkaReady(paths, pid, readyTimeoutMs, probe);
  return 'started';
}

async function startLocalBroker(
  paths: InfraPaths,
  address: Omit<KafkaNodeSettings, 'dataDir'>,
  log: (line: string) => void,
): Promise<number> {
  const version = readKafkaVersion(paths.kafkaPom);
  const libs = await ensureKafkaJars(paths, version, log);
  await prepareKafkaStorage(paths, libs, { ...address, dataDir: kafkaFiles(paths).dataDir });
  const pid = startKafkaBroker(paths, libs);
  log(`kafka: started Kafka ${version} (KRaft) pid ${pid} at ${address.host}:${address.brokerPort}`);
  return pid;
}

/** Polls the admin API until the broker answers; fails fast if the process dies, pointing at its log. */
async function awaitKafkaReady(
  paths: InfraPaths,
  pid: number,
  timeoutMs: number,
  probe: (timeoutMs: number) => Promise<boolean>,
): Promise<void> {
  const { logFile } = kafkaFiles(paths);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe(2000)) return;
    if (!isAlive(pid)) {
      throw new Error(
        `Kafka (pid ${pid}) exited during start-up; see ${logFile}. Last lines:\n${tailOf(logFile, 15)}`,
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`Kafka (pid ${pid}) did not answer within ${timeoutMs} ms; see ${logFile}`);
}
