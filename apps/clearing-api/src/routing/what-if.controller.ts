import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MarginRouter } from './margin-router';
import { relay } from './relay';

const TRADE_EXAMPLE = { trades: [{ instrument: 'BTC-PERP', quantity: '-1', priceUsd: '57000' }] };

/** Pre-trade what-if for front ends, computed by the calculator owning the account (nothing is booked). */
@ApiTags('margin')
@Controller('v1/accounts/:account')
export class WhatIfController {
  constructor(private readonly router: MarginRouter) {}

  @Post('what-if')
  @HttpCode(200)
  @ApiOperation({ summary: "Margin before and after hypothetical trades, on the account's live state." })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['trades'],
      properties: {
        trades: {
          type: 'array',
          minItems: 1,
          maxItems: 100,
          items: {
            type: 'object',
            required: ['instrument', 'quantity', 'priceUsd'],
            properties: {
              instrument: { type: 'string' },
              quantity: { type: 'string', description: 'Signed decimal contracts: positive buys.' },
              priceUsd: { type: 'string', description: 'Decimal, per underlying unit.' },
            },
          },
        },
      },
      example: TRADE_EXAMPLE,
    },
  })
  @ApiResponse({ status: 200, description: '{ before, after }: margin.v1 figures of both portfolios.' })
  @ApiResponse({ status: 400, description: 'Invalid request, with every reason.' })
  @ApiResponse({ status: 404, description: 'Unknown instrument or an account with no journal event yet.' })
  @ApiResponse({ status: 409, description: 'Something involved has no usable mark.' })
  @ApiResponse({ status: 503, description: 'No instance owns the account right now (rebalancing): retry.' })
  async whatIf(@Param('account') account: string, @Body() body: unknown) {
    return relay(await this.router.call(account, 'POST', 'what-if', body));
  }
}
