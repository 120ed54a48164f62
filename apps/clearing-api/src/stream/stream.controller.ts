import { Controller, MessageEvent, Param, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { AccountStreams } from './account-streams';

@ApiTags('stream')
@Controller('v1/accounts/:account')
export class StreamController {
  constructor(private readonly streams: AccountStreams) {}

  @Sse('stream')
  @ApiOperation({
    summary: "Server-Sent Events of the account's margin updates and liquidation events.",
    description:
      'Event `margin`: a margin.v1 message (the latest figures first, then each update). Event `liquidation`: ' +
      'a liquidations.v1 message naming the account (case opened, step, closed; ADL queue light).',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream, open until the client disconnects.' })
  stream(@Param('account') account: string): Observable<MessageEvent> {
    return this.streams.of(account);
  }
}
