import { Module } from '@nestjs/common';
import { ClearingConfigModule, SERVICES } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { MarginModule } from './margin.module';

export const SERVICE = SERVICES.marginCalculator;

/** Folds the journal and marks into per-account NLV, margin, Greeks and health; publishes margin.v1; what-if and withdrawals over HTTP. */
@Module({
  imports: [
    ClearingConfigModule.forRoot(SERVICE),
    ObservabilityModule.forRoot(),
    DatabaseModule.forRoot(),
    MarginModule.forRoot(),
  ],
})
export class AppModule {}
