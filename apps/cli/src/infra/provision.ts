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
  // A schema of its own (DATABASE_SCHEMA, a test's) is never bound to the cluster: the binding rebuilds
  // the public schema, which belongs to the machine's clearing system, not to that test.
  databaseManagedByInfra = !process.env.DATABASE_URL && !process.env.DATABASE_SCHEMA,
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
  // DATABASE_SCHEMA (as the services read it) lets a test run a whole demo in a schema of its own.
  const schema = process.env.DATABASE_SCHEMA;
  const dataSource = createDataSource({
    url: endpoints.databaseUrl,
    migrations: MIGRATIONS,
    poolSize: 1,
    schema,
  });
  await dataSource.initialize();
  try {
    if (databaseManagedByInfra) await bindDatabaseToCluster(dataSource, clusterId, log);
    const applied = await migrate(dataSource, schema);
    if (applied.length > 0) log(`postgres: applied migrations ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}
