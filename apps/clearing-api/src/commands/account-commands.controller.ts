import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Principal } from '@clearing/access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { ACCOUNT_PATH, SchemaPipe } from '../http/schema-validation';
import { CommandIssuer, CommandReceipt } from './command-issuer';
import { DEPOSIT_BODY, EMPTY_BODY, OPEN_ACCOUNT_BODY, SUSPEND_BODY } from './command-schemas';
import { IdempotencyKey } from './idempotency-key';
import { Write } from './write.decorator';

type AccountPath = { account: string };

/** Onboarding and account lifecycle (operators and admins), deposits (operators): journaled commands. */
@ApiTags('commands')
@Controller('v1/accounts')
export class AccountCommandsController {
  constructor(private readonly commands: CommandIssuer) {}

  @Post()
  @Allow('operator', 'admin')
  @Write(
    'Open an account, or a sub-account of parentAccount (isolated: margined on its own)',
    OPEN_ACCOUNT_BODY,
  )
  open(
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(OPEN_ACCOUNT_BODY, 'body'))
    body: { account: string; parentAccount?: string; isolated?: boolean },
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.issue(commandId, principal, { type: 'OpenAccount', ...body });
  }

  @Post(':account/suspension')
  @Allow('operator', 'admin')
  @Write(
    'Suspend an account: new fills and withdrawals refused, deposits and liquidation still booked',
    SUSPEND_BODY,
  )
  suspend(
    @Param(new SchemaPipe(ACCOUNT_PATH, 'path')) { account }: AccountPath,
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(SUSPEND_BODY, 'body')) body: { reason: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.issue(commandId, principal, {
      type: 'SuspendAccount',
      account,
      reason: body.reason,
    });
  }

  @Post(':account/closure')
  @Allow('operator', 'admin')
  @Write('Close an account: refused while it holds a position or a non-zero balance', EMPTY_BODY)
  close(
    @Param(new SchemaPipe(ACCOUNT_PATH, 'path')) { account }: AccountPath,
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(EMPTY_BODY, 'body')) _body: object,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.issue(commandId, principal, { type: 'CloseAccount', account });
  }

  @Post(':account/deposits')
  @Allow('operator')
  @Write(
    'Book collateral received for the account (an operator confirms the bank or chain transfer)',
    DEPOSIT_BODY,
  )
  deposit(
    @Param(new SchemaPipe(ACCOUNT_PATH, 'path')) { account }: AccountPath,
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(DEPOSIT_BODY, 'body')) body: { asset: string; amount: string; externalRef?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.issue(commandId, principal, { type: 'Deposit', account, ...body });
  }
}
