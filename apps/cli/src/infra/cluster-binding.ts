import { DataSource } from 'typeorm';

/**
 * Projections are folds of the journal, and their checkpoints are offsets in ONE Kafka cluster's log.
 * If the local broker is a new cluster (its storage was formatted again, or CI started from nothing on
 * a machine whose Postgres kept an older run), those checkpoints point past the new log's offsets and a
 * projection would silently skip the new journal. So the infra-managed database remembers the cluster
 * it belongs to, and is rebuilt from scratch when the cluster changes. Never applied to a DATABASE_URL
 * someone set explicitly: there a mismatch is an operator's decision.
 */
export async function bindDatabaseToCluster(
  dataSource: DataSource,
  clusterId: string,
  log: (line: string) => void,
): Promise<void> {
  // The rebuild below drops the public schema: only ever on a connection that is on it.
  const [{ schema }] = await dataSource.query('SELECT current_schema() AS schema');
  if (schema !== 'public')
    throw new Error(
      `the cluster binding applies to the public schema, this connection is on ${schema ?? 'none'}`,
    );
  const bound = await boundCluster(dataSource);
  if (bound === clusterId) return;
  if (bound !== undefined || (await hasProjections(dataSource))) {
    log(
      `postgres: database belonged to Kafka cluster ${bound ?? '(unknown)'}, broker is ${clusterId}: rebuilding it`,
    );
    await dataSource.query('DROP SCHEMA public CASCADE');
    await dataSource.query('CREATE SCHEMA public');
  }
  await dataSource.query('CREATE TABLE IF NOT EXISTS kafka_cluster_binding (cluster_id text NOT NULL)');
  await dataSource.query('DELETE FROM kafka_cluster_binding');
  await dataSource.query('INSERT INTO kafka_cluster_binding (cluster_id) VALUES ($1)', [clusterId]);
}

/** Asks whether the table exists first: querying a missing table would make TypeORM log an error. */
async function boundCluster(dataSource: DataSource): Promise<string | undefined> {
  const [{ present }] = await dataSource.query(
    `SELECT to_regclass('kafka_cluster_binding') IS NOT NULL AS present`,
  );
  if (!present) return undefined;
  const rows: { cluster_id: string }[] = await dataSource.query(
    'SELECT cluster_id FROM kafka_cluster_binding',
  );
  return rows[0]?.cluster_id;
}

async function hasProjections(dataSource: DataSource): Promise<boolean> {
  const [{ exists }] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'consumer_checkpoint') AS exists`,
  );
  return exists;
}
