import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { SERVICE_CREDENTIAL_HEADER, ServiceCredentialGuard } from '@clearing/config';
import { WHAT_IF_REQUEST_SCHEMA, WhatIfRequest } from '@clearing/contracts';
import { MarginChecks } from './margin-checks.service';
import { validated, WITHDRAWAL_SCHEMA, WithdrawalRequestBody } from './request-schemas';

const MISDIRECTED = {
  status: 421,
  description: 'Another instance margins this account (its journal partition).',
};

/**
 * Internal margin checks over HTTP, for the clearing API (which routes front ends here) and matching engines
 * (pre-trade). They reveal and change account state, so every call needs the service credential.
 */
@ApiTags('margin')
@ApiSecurity(SERVICE_CREDENTIAL_HEADER)
@ApiResponse({ status: 401, description: 'No or a wrong service credential.' })
@UseGuards(ServiceCredentialGuard)
@Controller('accounts/:account')
export class MarginController {
  constructor(private readonly checks: MarginChecks) {}

  @Get('margin')
  @ApiOperation({ summary: "The account's margin now (margin.v1 figures, computed on request)." })
  @ApiResponse({ status: 200, description: 'margin.v1 account-margin figures.' })
  @ApiResponse({ status: 409, description: 'Something the account holds has no usable mark.' })
  @ApiResponse(MISDIRECTED)
  margin(@Param('account') account: string) {
    return this.checks.current(account);
  }

  @Post('what-if')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pre-trade check: margin before and after hypothetical trades (nothing is booked).',
  })
  @ApiBody({ schema: WHAT_IF_REQUEST_SCHEMA })
  @ApiResponse({ status: 200, description: '{ before, after }: margin.v1 figures of both portfolios.' })
  @ApiResponse({ status: 400, description: 'Invalid request, with every reason.' })
  @ApiResponse({ status: 404, description: 'Unknown instrument.' })
  @ApiResponse(MISDIRECTED)
  whatIf(@Param('account') account: string, @Body() body: unknown) {
    return this.checks.whatIf(account, validated<WhatIfRequest>(WHAT_IF_REQUEST_SCHEMA, body));
  }

  @Post('withdrawals')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw collateral: free-collateral check, then the ledger books it unless the account moved.',
    description:
      'The approval carries the journal sequence it was computed at; if a fill books first, the ledger refuses ' +
      'the withdrawal as stale and the caller re-checks with a new commandId (docs/MARGIN.md, withdrawals).',
  })
  @ApiBody({ schema: WITHDRAWAL_SCHEMA })
  @ApiResponse({
    status: 200,
    description:
      "{ status: booked | refused | pending, commandId }: the writer's verdict; while a socialized loss is open, " +
      'a booked withdrawal also names paidOut and haircut (the account gives up the whole amount, the outside ' +
      'receives paidOut; docs/LIQUIDATION.md, Socialized loss).',
  })
  @ApiResponse({ status: 422, description: 'Free collateral after the withdrawal would be negative.' })
  @ApiResponse(MISDIRECTED)
  withdraw(@Param('account') account: string, @Body() body: unknown) {
    return this.checks.withdraw(account, validated<WithdrawalRequestBody>(WITHDRAWAL_SCHEMA, body));
  }
}
