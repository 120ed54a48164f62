import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, READERS } from '@clearing/access';
import { AccountAccess } from '../auth/account-access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { PAGE_PROPERTIES, paged } from '../http/pagination';
import { Problem } from '../http/problem';
import { ACCOUNT_ID, ApiQuerySchema, ObjectSchema, SchemaPipe } from '../http/schema-validation';
import { ACCOUNT_PATH_SCHEMA } from './account-reads.controller';
import { CaseFilter, RiskReads } from './risk-reads';
import { InsuranceFundList, LiquidationCaseDetail, LiquidationCaseList, MarginView } from './risk.views';

const CASES_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { accountId: ACCOUNT_ID, open: { type: 'boolean' }, ...PAGE_PROPERTIES },
};
const CASE_PATH_SCHEMA: ObjectSchema = {
  type: 'object',
  required: ['caseId'],
  additionalProperties: false,
  properties: {
    caseId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:#-]*$' },
  },
};

/** Margin, liquidation cases and insurance funds. */
@ApiTags('risk')
@Allow(...READERS)
@ApiNotFoundResponse({ type: Problem, description: 'Unknown, or not visible to this key' })
@Controller('v1')
export class RiskReadsController {
  constructor(
    private readonly reads: RiskReads,
    private readonly access: AccountAccess,
  ) {}

  @Get('accounts/:accountId/margin')
  @ApiOperation({ summary: 'NLV, IM, MM, health band, free collateral, Greeks, portfolio vs standard' })
  @ApiOkResponse({ type: MarginView })
  async margin(
    @Param(new SchemaPipe(ACCOUNT_PATH_SCHEMA, 'path')) { accountId }: { accountId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<MarginView> {
    await this.access.assertMayAccess(principal, accountId);
    const margin = await this.reads.margin(accountId);
    if (!margin) throw new NotFoundException(`no margin computed yet for ${accountId}`);
    return margin;
  }

  @Get('liquidations')
  @ApiOperation({ summary: 'Liquidation cases, open ones first (an account key: its own tree)' })
  @ApiQuerySchema(CASES_SCHEMA)
  @ApiOkResponse({ type: LiquidationCaseList })
  async cases(
    @Query(new SchemaPipe(CASES_SCHEMA, 'query')) filter: CaseFilter,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LiquidationCaseList> {
    const visible = await this.access.visibleAccounts(principal);
    return paged(await this.reads.cases({ ...filter, limit: filter.limit + 1 }, visible), filter);
  }

  @Get('liquidations/:caseId')
  @ApiOperation({ summary: 'One liquidation case with its steps' })
  @ApiOkResponse({ type: LiquidationCaseDetail })
  async liquidationCase(
    @Param(new SchemaPipe(CASE_PATH_SCHEMA, 'path')) { caseId }: { caseId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<LiquidationCaseDetail> {
    const found = await this.reads.liquidationCase(caseId);
    // Another account's case answers exactly like an unknown one.
    if (!found || !(await this.access.mayAccess(principal, found.accountId))) {
      throw new NotFoundException(`no liquidation case ${caseId}`);
    }
    return { ...found, stepLog: await this.reads.steps(caseId) };
  }

  @Get('insurance-funds')
  @ApiOperation({ summary: 'Insurance fund balances' })
  @ApiOkResponse({ type: InsuranceFundList })
  async insuranceFunds(): Promise<InsuranceFundList> {
    return { items: await this.reads.insuranceFunds() };
  }
}
