import { logLevel } from 'kafkajs';
import { SYSTEM_TOPICS } from '@clearing/contracts';
import { createKafka, ensureTopics } from '@clearing/kafka';
import { createDataSource, migrate } from '@clearing/persistence';
import { MIGRATIONS } from '../../../../migrations';
import { bindDatabaseToCluster } from './cluster-binding';
import { InfraEndpoints } from './endpoints';

/**
 * What a running Kafka and Postgres need before any service starts: the system topics (the broker
 * auto-creates none, so a mistyped name fails loudly) and the schema at the latest migration, in a
 * database that belongs to this broker's cluster (see cluster-binding.ts).
 */
export async function provision(
  endpoints: InfraEndpoints,
  log: (line: string) => void,
  databaseManagedByInfra = !process.env.DATABASE_URL,
): Promise<void> {
  const kafka = createKafka({
    clientId: 'clearing-infra',
    brokers: endpoints.kafkaBrokers,
    level: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  let clusterId: string;
  try {
    await ensureTopics(admin, SYSTEM_TOPICS);
    clusterId = (await admin.describeCluster()).clusterId;
  } finally {
    await admin.disconnect();
  }
  const dataSource = createDataSource({ url: endpoints.databaseUrl, migrations: MIGRATIONS, poolSize: 1 });
  await dataSource.initialize();
  try {
    if (databaseManagedByInfra) await bindDatabaseToCluster(dataSource, clusterId, log);
    const applied = await migrate(dataSource);
    if (applied.length > 0) log(`postgres: applied migrations ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}
