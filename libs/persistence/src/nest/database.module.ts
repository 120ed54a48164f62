import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLEARING_CONFIG, ClearingConfig } from '@clearing/config';
import { ReadinessRegistry } from '@clearing/observability';
import { createDataSource, DataSourceOptions } from '../data-source';
import { DatabaseConnection } from './database-connection';

export interface DatabaseModuleOptions {
  readonly migrations?: DataSourceOptions['migrations'];
}

/**
 * Global module giving a service its one TypeORM DataSource (inject `DataSource`), connected in the
 * background and reported as the `database` readiness check. Needs ClearingConfigModule (for DATABASE_URL)
 * and ObservabilityModule (for the ReadinessRegistry).
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DatabaseConnection,
          inject: [CLEARING_CONFIG, ReadinessRegistry],
          useFactory: (config: ClearingConfig, readiness: ReadinessRegistry) => {
            const dataSource = createDataSource({
              url: config.databaseUrl,
              applicationName: config.serviceName,
              schema: config.databaseSchema,
              migrations: options.migrations,
            });
            const connection = new DatabaseConnection(dataSource);
            readiness.register('database', connection.readinessCheck());
            return connection;
          },
        },
        {
          provide: DataSource,
          inject: [DatabaseConnection],
          useFactory: (connection: DatabaseConnection) => connection.dataSource,
        },
      ],
      exports: [DataSource],
    };
  }
}
