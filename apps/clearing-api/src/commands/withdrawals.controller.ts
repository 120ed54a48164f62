import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@clearing/access';
import { WITHDRAWAL_REQUEST_SCHEMA } from '@clearing/contracts';
import { AccountAccess } from '../auth/account-access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { Problem } from '../http/problem';
import { ACCOUNT_PATH, SchemaPipe, ValidBody } from '../http/schema-validation';
import { MarginRouter } from '../routing/margin-router';
import { relay } from '../routing/relay';
import { attributionOf } from './attribution';
import { CommandIssuer } from './command-issuer';
import { IdempotencyKey } from './idempotency-key';

/**
 * Withdrawal requests, by the account's own key: margin-checked by the calculator owning the account, which
 * issues the journaled command; 202 with the writer's verdict if it came within the calculator's wait.
 */
@ApiTags('commands')
@Controller('v1/accounts/:account')
export class WithdrawalsController {
  constructor(
    private readonly router: MarginRouter,
    private readonly access: AccountAccess,
    private readonly commands: CommandIssuer,
  ) {}

  @Post('withdrawals')
  @HttpCode(202)
  @Header('cache-control', 'no-store')
  @Allow('account')
  @ApiOperation({
    summary: 'Withdraw collateral (free-collateral check by the owning margin calculator, then the ledger).',
    description:
      'Idempotency-Key is the command id. A refusal as stale (a fill booked in between) is final for that id: ' +
      're-check with a new key. Poll GET /v1/commands/{id} while the status is pending.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The command id.' })
  @ValidBody(WITHDRAWAL_REQUEST_SCHEMA)
  @ApiAcceptedResponse({
    description:
      '{ commandId, status: booked | refused | pending, reason?, statusUrl }; a decided key: its receipt',
  })
  @ApiResponse({ status: 404, type: Problem, description: 'Unknown account, or not this key’s.' })
  @ApiResponse({ status: 422, type: Problem, description: 'Free collateral after it would be negative.' })
  @ApiResponse({ status: 503, type: Problem, description: 'No instance owns the account right now: retry.' })
  async withdraw(
    @Param(new SchemaPipe(ACCOUNT_PATH, 'path')) { account }: { account: string },
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(WITHDRAWAL_REQUEST_SCHEMA, 'body')) body: { asset: string; amount: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<Record<string, unknown>> {
    await this.access.assertMayAccess(principal, account);
    // A retry after a lost answer: the ledger's record answers, nothing is checked or sent again.
    const prior = await this.commands.outcome(commandId, principal);
    if (prior.status !== 'pending') return { ...prior };
    const attribution = attributionOf(principal, new Date().toISOString());
    const verdict = relay(
      await this.router.call(account, 'POST', 'withdrawals', { ...body, commandId, attribution }),
    );
    return { ...verdict, statusUrl: prior.statusUrl };
  }
}
