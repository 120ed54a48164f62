import { Controller, MessageEvent, Param, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Principal } from '@clearing/access';
import { AccountAccess } from '../auth/account-access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { ACCOUNT_PATH, SchemaPipe } from '../http/schema-validation';
import { AccountStreams } from './account-streams';

@ApiTags('stream')
@Controller('v1/accounts/:account')
export class StreamController {
  constructor(
    private readonly streams: AccountStreams,
    private readonly access: AccountAccess,
  ) {}

  @Sse('stream')
  @Allow('account', 'operator', 'auditor')
  @ApiOperation({
    summary: "Server-Sent Events of the account's margin updates and liquidation events.",
    description:
      'Event `margin`: a margin.v1 message (the latest figures first, then each update). Event `liquidation`: ' +
      'a liquidations.v1 message naming the account (case opened, step, closed; ADL queue light).',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream, open until the client disconnects.' })
  async stream(
    @Param(new SchemaPipe(ACCOUNT_PATH, 'path')) { account }: { account: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<Observable<MessageEvent>> {
    await this.access.assertMayAccess(principal, account);
    return this.streams.of(account);
  }
}
