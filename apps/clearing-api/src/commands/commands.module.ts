import { Module } from '@nestjs/common';
import { signingKeyFromEnv } from '@clearing/config';
import { RoutingModule } from '../routing/routing.module';
import { AccountCommandsController } from './account-commands.controller';
import { API_COMMAND_SIGNER, CommandIssuer } from './command-issuer';
import { CommandStatusController } from './command-status.controller';
import { HaltResumeController } from './halt-resume.controller';
import { REFERENCE_DATA_ACCOUNT, ReferenceDataController } from './reference-data.controller';
import { WithdrawalsController } from './withdrawals.controller';

/** Writes: each becomes a journaled command (202 + command id), polled at GET /v1/commands/{id}. */
@Module({
  imports: [RoutingModule],
  controllers: [
    AccountCommandsController,
    ReferenceDataController,
    WithdrawalsController,
    CommandStatusController,
    HaltResumeController,
  ],
  providers: [
    // The API is the operator path of docs/contracts.md (issuer `admin`): it signs with that key.
    {
      provide: API_COMMAND_SIGNER,
      useFactory: () => ({ issuer: 'admin', key: signingKeyFromEnv(process.env, 'admin') }),
    },
    { provide: REFERENCE_DATA_ACCOUNT, useFactory: () => process.env.REFERENCE_DATA_ACCOUNT || 'risk-desk' },
    CommandIssuer,
  ],
})
export class CommandsModule {}
