import { Module } from '@nestjs/common';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';

export const SERVICE: ServiceDescriptor = { service: 'valuation-oracle', defaultHttpPort: 3002 };

/** Will consume oracle prices and publish marks, funding and risk arrays. For now: config, logs, health, metrics and the database connection only. */
@Module({
  imports: [ClearingConfigModule.forRoot(SERVICE), ObservabilityModule.forRoot(), DatabaseModule.forRoot()],
})
export class AppModule {}
