import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { AccessModule } from './auth/access.module';
import { CommandsModule } from './commands/commands.module';
import { ProblemFilter } from './http/problem.filter';
import { KafkaClientModule } from './kafka-client.module';
import { ApiKeysController } from './keys/api-keys.controller';
import { RoutingModule } from './routing/routing.module';
import { StreamModule } from './stream/stream.module';
import { SystemController } from './system/system.controller';

export const SERVICE: ServiceDescriptor = { service: 'clearing-api', defaultHttpPort: 3000 };

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
  controllers: [SystemController, ApiKeysController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
