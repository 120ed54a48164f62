import { Module } from '@nestjs/common';
import { ClearingConfigModule, ServiceDescriptor } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { CommandsModule } from './commands/commands.module';
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
    RoutingModule,
    CommandsModule,
    StreamModule,
  ],
  controllers: [SystemController],
})
export class AppModule {}
