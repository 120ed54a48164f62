import { Module } from '@nestjs/common';
import { ClearingConfigModule, SERVICES } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { OracleModule } from './oracle/oracle.module';

export const SERVICE = SERVICES.valuationOracle;

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
