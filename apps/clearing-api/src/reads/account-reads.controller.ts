import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, READERS } from '@clearing/access';
import { AccountAccess } from '../auth/account-access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { PAGE_PROPERTIES, paged } from '../http/pagination';
import { Problem } from '../http/problem';
import { ACCOUNT_ID, ApiQuerySchema, ObjectSchema, SchemaPipe, TIMESTAMP } from '../http/schema-validation';
import { AccountFilter, AccountReads, StatementQuery } from './account-reads';
import { AccountDetail, AccountList, BalanceList, PositionList, Statement } from './account.views';

export const ACCOUNT_PATH_SCHEMA: ObjectSchema = {
  type: 'object',
  required: ['accountId'],
  additionalProperties: false,
  properties: { accountId: ACCOUNT_ID },
};
const LIST_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['active', 'suspended', 'closed'] },
    parentAccountId: ACCOUNT_ID,
    ...PAGE_PROPERTIES,
  },
};
const STATEMENT_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...TIMESTAMP, description: 'Event time, inclusive' },
    to: { ...TIMESTAMP, description: 'Event time, exclusive' },
    ...PAGE_PROPERTIES,
  },
};
const accountPath = new SchemaPipe(ACCOUNT_PATH_SCHEMA, 'path');

/** Accounts and what they hold. An account key sees its own account and sub-accounts only (else 404). */
@ApiTags('accounts')
@Allow(...READERS)
@ApiNotFoundResponse({ type: Problem, description: 'No such account, or not one this key may see' })
@Controller('v1/accounts')
export class AccountReadsController {
  constructor(
    private readonly reads: AccountReads,
    private readonly access: AccountAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Accounts with status, filterable (an account key: its own tree)' })
  @ApiQuerySchema(LIST_SCHEMA)
  @ApiOkResponse({ type: AccountList })
  async list(
    @Query(new SchemaPipe(LIST_SCHEMA, 'query')) filter: AccountFilter,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountList> {
    const visible = await this.access.visibleAccounts(principal);
    return paged(await this.reads.accounts({ ...filter, limit: filter.limit + 1 }, visible), filter);
  }

  @Get(':accountId')
  @ApiOperation({ summary: 'One account with its direct sub-accounts' })
  @ApiOkResponse({ type: AccountDetail })
  async one(
    @Param(accountPath) { accountId }: { accountId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountDetail> {
    await this.access.assertMayAccess(principal, accountId);
    const account = await this.reads.account(accountId);
    if (!account) throw new NotFoundException(`no account ${accountId}`);
    return { ...account, subAccounts: await this.reads.subAccounts(accountId) };
  }

  @Get(':accountId/balances')
  @ApiOperation({ summary: 'Balances per asset' })
  @ApiOkResponse({ type: BalanceList })
  async balances(
    @Param(accountPath) { accountId }: { accountId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<BalanceList> {
    await this.access.assertMayAccess(principal, accountId);
    return { accountId, items: await this.reads.balances(accountId) };
  }

  @Get(':accountId/positions')
  @ApiOperation({ summary: 'Open positions with their marks and unrealized P&L' })
  @ApiOkResponse({ type: PositionList })
  async positions(
    @Param(accountPath) { accountId }: { accountId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PositionList> {
    await this.access.assertMayAccess(principal, accountId);
    return { accountId, items: await this.reads.positions(accountId) };
  }

  @Get(':accountId/statement')
  @ApiOperation({ summary: 'Journal entries and fills between two event times' })
  @ApiQuerySchema(STATEMENT_SCHEMA)
  @ApiOkResponse({ type: Statement })
  async statement(
    @Param(accountPath) { accountId }: { accountId: string },
    @Query(new SchemaPipe(STATEMENT_SCHEMA, 'query')) query: StatementQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Statement> {
    await this.access.assertMayAccess(principal, accountId);
    const rows = await this.reads.statement(accountId, { ...query, limit: query.limit + 1 });
    return { accountId, from: query.from, to: query.to, ...paged(rows, query) };
  }
}
