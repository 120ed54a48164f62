import { Module } from '@nestjs/common';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';

export const SERVICE: ServiceDescriptor = { service: 'deleveraging-engine', defaultHttpPort: 3004 };

/** Will watch margin and marks and propose liquidation, insurance and ADL commands. For now: config, logs, health, metrics and the database connection only. */
@Module({
  imports: [ClearingConfigModule.forRoot(SERVICE), ObservabilityModule.forRoot(), DatabaseModule.forRoot()],
})
export class AppModule {}
