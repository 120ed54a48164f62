import { Module } from '@nestjs/common';
import { ClearingConfigModule, SERVICES } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { DeleveragingModule } from './deleveraging.module';

export const SERVICE = SERVICES.deleveragingEngine;

/** Margin below maintenance -> liquidation cases: partial liquidation, insurance fund, ADL, socialized loss, each step a ledger command; liquidations.v1 and Cover 2. */
@Module({
  imports: [
    ClearingConfigModule.forRoot(SERVICE),
    ObservabilityModule.forRoot(),
    DatabaseModule.forRoot(),
    DeleveragingModule.forRoot(),
  ],
})
export class AppModule {}
