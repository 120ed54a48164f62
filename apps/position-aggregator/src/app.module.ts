import { Module } from '@nestjs/common';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';

export const SERVICE: ServiceDescriptor = { service: 'position-aggregator', defaultHttpPort: 3001 };

/** Single writer of the journal: will consume fills and ledger commands and append journal events. For now: config, logs, health, metrics and the database connection only. */
@Module({
  imports: [ClearingConfigModule.forRoot(SERVICE), ObservabilityModule.forRoot(), DatabaseModule.forRoot()],
})
export class AppModule {}
