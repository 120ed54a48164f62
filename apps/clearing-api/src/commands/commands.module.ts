import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { WithdrawalsController } from './withdrawals.controller';

/** Writes: each becomes a journaled command (202 + command id). */
@Module({ imports: [RoutingModule], controllers: [WithdrawalsController] })
export class CommandsModule {}
