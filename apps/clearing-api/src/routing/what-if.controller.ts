import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Principal, READERS } from '@clearing/access';
import { WHAT_IF_REQUEST_SCHEMA } from '@clearing/contracts';
import { AccountAccess } from '../auth/account-access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { Problem } from '../http/problem';
import { ACCOUNT_PATH, SchemaPipe, ValidBody } from '../http/schema-validation';
import { MarginRouter } from './margin-router';
import { relay } from './relay';

/** Pre-trade what-if for front ends, computed by the calculator owning the account (nothing is booked). */
@ApiTags('margin')
@Controller('v1/accounts/:account')
export class WhatIfController {
  constructor(
    private readonly router: MarginRouter,
    private readonly access: AccountAccess,
  ) {}

  @Post('what-if')
  @HttpCode(200)
  @Allow(...(READERS as [Principal['role']]))
  @ApiOperation({ summary: "Margin before and after hypothetical trades, on the account's live state." })
  @ValidBody(WHAT_IF_REQUEST_SCHEMA)
  @ApiOkResponse({ description: '{ before, after }: margin.v1 figures of both portfolios.' })
  @ApiResponse({
    status: 404,
    type: Problem,
    description: 'Unknown or not yours, unknown instrument, no event yet.',
  })
  @ApiResponse({ status: 409, type: Problem, description: 'Something involved has no usable mark.' })
  @ApiResponse({ status: 503, type: Problem, description: 'No instance owns the account right now: retry.' })
  async whatIf(
    @Param(new SchemaPipe(ACCOUNT_PATH, 'path')) { account }: { account: string },
    @Body(new SchemaPipe(WHAT_IF_REQUEST_SCHEMA, 'body')) body: object,
    @CurrentPrincipal() principal: Principal,
  ) {
    // A what-if changes nothing, so the owner is asked while the own-account check runs (one Postgres round
    // trip less on the pre-trade path); an answer for an account the key may not see is dropped unread.
    // The check decides first, so a key learns nothing (not even a 503) about an account it may not see.
    const [allowed, answer] = await Promise.allSettled([
      this.access.assertMayAccess(principal, account),
      this.router.call(account, 'POST', 'what-if', body),
    ]);
    if (allowed.status === 'rejected') throw allowed.reason;
    if (answer.status === 'rejected') throw answer.reason;
    return relay(answer.value);
  }
}
