import { DataSource, MixedList, EntitySchema } from 'typeorm';
import { assertSchemaName } from './database-url';

export interface DataSourceOptions {
  url: string;
  /** Postgres schema every table lives in; tests use one each so they never see each other's rows. */
  schema?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * A TypeORM DataSource for Postgres with schema changes only through migrations (`synchronize: false`):
 * a service must never alter a ledger table because an entity class changed.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const schema = options.schema ? assertSchemaName(options.schema) : undefined;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    // search_path makes the migrations' unqualified SQL land in the chosen schema.
    extra: schema ? { options: `-c search_path=${schema}` } : undefined,
  });
}

/** Creates the schema if needed and applies every pending migration; returns the names applied. */
export async function migrate(dataSource: DataSource, schema?: string): Promise<string[]> {
  if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${assertSchemaName(schema)}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
