import { kafkaBrokersFromEnv, redactPassword } from './endpoints';
import { kafkaFiles, runningKafkaPid } from './kafka-broker';
import { readKafkaVersion } from './kafka-jars';
import { kafkaAnswers } from './kafka-probe';
import { InfraPaths } from './paths';
import { postgresClusterFiles, runningClusterPid } from './postgres-cluster';
import { postgresSource, resolvePostgresTarget } from './postgres';
import { databaseAnswers } from './postgres-probe';

/** One line of `infra status`: a component, where it should answer, whether it does, and who runs it. */
export interface ComponentStatus {
  readonly name: 'kafka' | 'postgres';
  readonly address: string;
  readonly up: boolean;
  readonly detail: string;
}

export interface InfraStatus {
  readonly allUp: boolean;
  readonly components: ComponentStatus[];
}

async function kafkaStatus(paths: InfraPaths): Promise<ComponentStatus> {
  const brokers = kafkaBrokersFromEnv();
  const up = await kafkaAnswers(brokers);
  const pid = runningKafkaPid(paths);
  const local = `local Kafka ${readKafkaVersion(paths.kafkaPom)} pid ${pid}, log ${kafkaFiles(paths).logFile}`;
  const detail =
    pid !== undefined ? local : up ? 'not started by this repository' : 'no local broker running';
  return { name: 'kafka', address: brokers.join(','), up, detail };
}

async function postgresStatus(paths: InfraPaths): Promise<ComponentStatus> {
  const target = resolvePostgresTarget(paths);
  const up = await databaseAnswers(target.databaseUrl);
  const pid = runningClusterPid(paths);
  const source = postgresSource(paths, target);
  const detail =
    pid !== undefined ? `${source} pid ${pid}, log ${postgresClusterFiles(paths).logFile}` : source;
  return { name: 'postgres', address: redactPassword(target.databaseUrl), up, detail };
}

export async function infraStatusOf(paths: InfraPaths): Promise<InfraStatus> {
  const components = await Promise.all([kafkaStatus(paths), postgresStatus(paths)]);
  return { allUp: components.every((component) => component.up), components };
}

export function formatStatus(status: InfraStatus): string {
  const rows = status.components.map(
    (c) => `${c.name.padEnd(9)} ${(c.up ? 'up' : 'DOWN').padEnd(5)} ${c.address}  (${c.detail})`,
  );
  return rows.join('\n');
}
