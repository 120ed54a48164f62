import { logLevel } from 'kafkajs';
import { SYSTEM_TOPICS } from '@clearing/contracts';
import { createKafka, ensureTopics } from '@clearing/kafka';
import { createDataSource, migrate } from '@clearing/persistence';
import { MIGRATIONS } from '../../../../migrations';
import { InfraEndpoints } from './endpoints';

/**
 * What a running Kafka and Postgres need before any service starts: the system topics (the broker
 * auto-creates none, so a mistyped name fails loudly) and the schema at the latest migration.
 */
export async function provision(endpoints: InfraEndpoints, log: (line: string) => void): Promise<void> {
  const kafka = createKafka({
    clientId: 'clearing-infra',
    brokers: endpoints.kafkaBrokers,
    level: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, SYSTEM_TOPICS);
  } finally {
    await admin.disconnect();
  }
  const dataSource = createDataSource({ url: endpoints.databaseUrl, migrations: MIGRATIONS, poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource);
    if (applied.length > 0) log(`postgres: applied migrations ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}
