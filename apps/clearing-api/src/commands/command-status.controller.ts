import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, READERS } from '@clearing/access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { SchemaPipe } from '../http/schema-validation';
import { CommandIssuer, CommandReceipt } from './command-issuer';
import { COMMAND_ID_PATH } from './command-schemas';
import { CommandReceiptView } from './receipt';

@ApiTags('commands')
@Controller('v1/commands')
export class CommandStatusController {
  constructor(private readonly commands: CommandIssuer) {}

  @Get(':commandId')
  @Allow(...(READERS as [Principal['role']]))
  @ApiOperation({
    summary: 'What became of a write: pending, booked (journal sequence, attribution) or refused (reason)',
  })
  @ApiOkResponse({ type: CommandReceiptView })
  status(
    @Param(new SchemaPipe(COMMAND_ID_PATH, 'path')) { commandId }: { commandId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.outcome(commandId, principal);
  }
}
