import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ClearingConfigModule, SERVICES } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { AccessModule } from './auth/access.module';
import { CommandsModule } from './commands/commands.module';
import { ProblemFilter } from './http/problem.filter';
import { KafkaClientModule } from './kafka-client.module';
import { ApiKeysController } from './keys/api-keys.controller';
import { HaltedPartitions } from './live/halted-partitions';
import { LiveReadsController } from './live/live-reads.controller';
import { LiveTail } from './live/live-tail';
import { AccountReads } from './reads/account-reads';
import { AccountReadsController } from './reads/account-reads.controller';
import { MarketReads } from './reads/market-reads';
import { MarketReadsController } from './reads/market-reads.controller';
import { RiskReads } from './reads/risk-reads';
import { RiskReadsController } from './reads/risk-reads.controller';
import { RiskOverviewController } from './risk-page/risk-overview.controller';
import { RiskOverviewReads } from './risk-page/risk-overview-reads';
import { RoutingModule } from './routing/routing.module';
import { StreamModule } from './stream/stream.module';
import { SystemController } from './system/system.controller';

export const SERVICE = SERVICES.clearingApi;

/** HTTP gateway for risk and ops staff and traders' front ends; OpenAPI document at /docs. */
@Module({
  imports: [
    ClearingConfigModule.forRoot(SERVICE),
    ObservabilityModule.forRoot(),
    DatabaseModule.forRoot(),
    AccessModule,
    KafkaClientModule,
    RoutingModule,
    CommandsModule,
    StreamModule,
  ],
  controllers: [
    SystemController,
    ApiKeysController,
    AccountReadsController,
    RiskReadsController,
    MarketReadsController,
    LiveReadsController,
    RiskOverviewController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    AccountReads,
    RiskReads,
    RiskOverviewReads,
    MarketReads,
    LiveTail,
    HaltedPartitions,
  ],
})
export class AppModule {}
