import { DataSource } from 'typeorm';
import { databaseUrlFromEnv } from '@clearing/config';
import { createDataSource, migrate } from '@clearing/persistence';
import { uniqueName } from './unique';

/** Its own Postgres schema per test, migrated to the latest version, dropped at the end. */
export class DatabaseFixture {
  readonly schema = uniqueName('t');
  readonly dataSource: DataSource;

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  constructor(migrations: Function[]) {
    this.dataSource = createDataSource({
      url: databaseUrlFromEnv(),
      schema: this.schema,
      migrations,
      poolSize: 4,
    });
  }

  /** Initializes and migrates; `extraDdl` then creates test-only tables (e.g. SAMPLE_PROJECTION_DDL). */
  async open(extraDdl: readonly string[] = []): Promise<DataSource> {
    await this.dataSource.initialize();
    await migrate(this.dataSource, this.schema);
    for (const ddl of extraDdl) await this.dataSource.query(ddl);
    return this.dataSource;
  }

  async close(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.dataSource.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.dataSource.destroy();
  }
}
