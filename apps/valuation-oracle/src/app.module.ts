import { Module } from '@nestjs/common';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { OracleModule } from './oracle/oracle.module';

export const SERVICE: ServiceDescriptor = { service: 'valuation-oracle', defaultHttpPort: 3002 };

/** Consumes oracle prices, publishes marks (index, funding, Greeks, risk arrays, expiry settlements) and projects the latest marks into Postgres. */
@Module({
  imports: [
    ClearingConfigModule.forRoot(SERVICE),
    ObservabilityModule.forRoot(),
    DatabaseModule.forRoot(),
    OracleModule.forRoot(),
  ],
})
export class AppModule {}
