import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { PAGE_ONLY_SCHEMA, PageQuery, paged } from '../http/pagination';
import { ApiQuerySchema, SchemaPipe } from '../http/schema-validation';
import { RISK_WATCHERS } from './risk-watchers';
import { RiskOverviewReads } from './risk-overview-reads';
import { HealthBandHistogram, NearLiquidationList } from './risk-overview.views';

/** The system-wide risk picture behind the live risk page (/risk/): every account at once, staff only. */
@ApiTags('risk')
@Allow(...RISK_WATCHERS)
@Controller('v1/risk')
export class RiskOverviewController {
  constructor(private readonly reads: RiskOverviewReads) {}

  @Get('health-bands')
  @ApiOperation({ summary: 'Accounts per health band (histogram), from the latest margin figures' })
  @ApiOkResponse({ type: HealthBandHistogram })
  healthBands(): Promise<HealthBandHistogram> {
    return this.reads.healthBands();
  }

  @Get('nearest-liquidation')
  @ApiOperation({ summary: 'Accounts with the lowest health ratio (margin NLV / MM) first' })
  @ApiQuerySchema(PAGE_ONLY_SCHEMA)
  @ApiOkResponse({ type: NearLiquidationList })
  async nearestLiquidation(
    @Query(new SchemaPipe(PAGE_ONLY_SCHEMA, 'query')) page: PageQuery,
  ): Promise<NearLiquidationList> {
    return paged(await this.reads.nearestLiquidation({ ...page, limit: page.limit + 1 }), page);
  }
}
