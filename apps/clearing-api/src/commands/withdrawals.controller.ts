import { BadRequestException, Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MarginRouter } from '../routing/margin-router';
import { relay } from '../routing/relay';
import { IdempotencyKey } from './idempotency-key';

/**
 * Withdrawal requests: margin-checked by the calculator owning the account, which issues the journaled
 * command; the answer is 202 with the writer's verdict if it came within the calculator's wait.
 */
@ApiTags('commands')
@Controller('v1/accounts/:account')
export class WithdrawalsController {
  constructor(private readonly router: MarginRouter) {}

  @Post('withdrawals')
  @HttpCode(202)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Withdraw collateral (free-collateral check by the owning margin calculator, then the ledger).',
    description:
      'Idempotency-Key is the command id. A refusal as stale (a fill booked in between) is final for that id: ' +
      're-check with a new key. Poll GET /v1/commands/{id} when the status is pending.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The command id.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['asset', 'amount'],
      properties: { asset: { type: 'string', example: 'USDC' }, amount: { type: 'string', example: '5000' } },
    },
  })
  @ApiResponse({ status: 202, description: '{ commandId, status: booked | refused | pending, reason? }' })
  @ApiResponse({ status: 400, description: 'Invalid request or Idempotency-Key.' })
  @ApiResponse({ status: 422, description: 'Free collateral after the withdrawal would be negative.' })
  @ApiResponse({ status: 503, description: 'No instance owns the account right now (rebalancing): retry.' })
  async withdraw(
    @Param('account') account: string,
    @IdempotencyKey() commandId: string,
    @Body() body: unknown,
  ): Promise<Record<string, unknown>> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new BadRequestException('the body must be a JSON object { asset, amount }');
    const request = { ...body, commandId };
    return relay(await this.router.call(account, 'POST', 'withdrawals', request));
  }
}
