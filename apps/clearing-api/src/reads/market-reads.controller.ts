import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '@clearing/access';
import { Allow } from '../auth/allow.decorator';
import { PAGE_PROPERTIES, paged } from '../http/pagination';
import { ApiQuerySchema, ASSET, ObjectSchema, SchemaPipe } from '../http/schema-validation';
import { InstrumentFilter, MarketReads, MarkFilter } from './market-reads';
import { InstrumentList, MarkList, VolSurface } from './market.views';

const INSTRUMENTS_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['spot', 'perpetual', 'future', 'option'] },
    ...PAGE_PROPERTIES,
  },
};
const MARKS_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['index', 'redemption-rate', 'instrument', 'expiry-settlement'] },
    status: { type: 'string', enum: ['valid', 'invalid'] },
    ...PAGE_PROPERTIES,
  },
};
const SURFACE_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { underlying: ASSET },
};

/** Reference and market data: the same for every caller, so every role reads it. */
@ApiTags('market')
@Allow(...READERS)
@Controller('v1')
export class MarketReadsController {
  constructor(private readonly reads: MarketReads) {}

  @Get('instruments')
  @ApiOperation({ summary: 'Registered instruments with their terms' })
  @ApiQuerySchema(INSTRUMENTS_SCHEMA)
  @ApiOkResponse({ type: InstrumentList })
  async instruments(
    @Query(new SchemaPipe(INSTRUMENTS_SCHEMA, 'query')) filter: InstrumentFilter,
  ): Promise<InstrumentList> {
    return paged(await this.reads.instruments({ ...filter, limit: filter.limit + 1 }), filter);
  }

  @Get('marks')
  @ApiOperation({ summary: 'Latest mark per key: index, redemption rate, instrument, expiry settlement' })
  @ApiQuerySchema(MARKS_SCHEMA)
  @ApiOkResponse({ type: MarkList })
  async marks(@Query(new SchemaPipe(MARKS_SCHEMA, 'query')) filter: MarkFilter): Promise<MarkList> {
    return paged(await this.reads.marks({ ...filter, limit: filter.limit + 1 }), filter);
  }

  @Get('vol-surface')
  @ApiOperation({ summary: 'Implied vols of the latest valid option marks' })
  @ApiQuerySchema(SURFACE_SCHEMA)
  @ApiOkResponse({ type: VolSurface })
  async volSurface(
    @Query(new SchemaPipe(SURFACE_SCHEMA, 'query')) query: { underlying?: string },
  ): Promise<VolSurface> {
    return { items: await this.reads.volSurface(query.underlying) };
  }
}
