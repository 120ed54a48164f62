import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Allow } from '../auth/allow.decorator';
import { RISK_WATCHERS } from '../risk-page/risk-watchers';
import { AccountStreams } from './account-streams';

@ApiTags('stream')
@Controller('v1')
export class SystemStreamController {
  constructor(private readonly streams: AccountStreams) {}

  @Sse('stream')
  @Allow(...RISK_WATCHERS)
  @ApiOperation({
    summary:
      'Server-Sent Events of the whole system’s risk changes (what the risk page at /risk/ listens to).',
    description:
      'Event `band`: {account, band, from} when an account changes health band (band null: unpriced; no ' +
      '`from`: first seen). Event `liquidation`: a liquidations.v1 case event (case-opened, step, ' +
      'case-closed). Event `solvency`: the Cover 2 report (the latest first). Event `netting`: a ' +
      'settlements.v1 cycle summary (the latest first).',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream, open until the client disconnects.' })
  stream(): Observable<MessageEvent> {
    return this.streams.ofSystem();
  }
}
