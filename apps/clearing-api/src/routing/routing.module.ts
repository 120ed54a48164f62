import { Module } from '@nestjs/common';
import { MarginRouter } from './margin-router';
import { ROUTING_SETTINGS, routingSettingsFromEnv } from './routing.settings';
import { WhatIfController } from './what-if.controller';

/** Per-account calls to the owning margin-calculator instance (service_instances). */
@Module({
  controllers: [WhatIfController],
  providers: [{ provide: ROUTING_SETTINGS, useFactory: () => routingSettingsFromEnv() }, MarginRouter],
  exports: [MarginRouter, ROUTING_SETTINGS],
})
export class RoutingModule {}
