import { Module } from '@nestjs/common';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';

export const SERVICE: ServiceDescriptor = { service: 'margin-calculator', defaultHttpPort: 3003 };

/** Will fold journal events and marks into per-account NLV, margin and Greeks. For now: config, logs, health, metrics and the database connection only. */
@Module({
  imports: [ClearingConfigModule.forRoot(SERVICE), ObservabilityModule.forRoot(), DatabaseModule.forRoot()],
})
export class AppModule {}
