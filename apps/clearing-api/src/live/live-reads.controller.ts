import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, READERS, STAFF_READERS } from '@clearing/access';
import { AccountAccess } from '../auth/account-access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { PAGE_ONLY_SCHEMA, PAGE_PROPERTIES, PageQuery, paged } from '../http/pagination';
import { Problem } from '../http/problem';
import { ACCOUNT_ID, ApiQuerySchema, INSTRUMENT, ObjectSchema, SchemaPipe } from '../http/schema-validation';
import { HaltedPartitions } from './halted-partitions';
import { LiveTail, tailedTopics } from './live-tail';
import {
  AdlQueueList,
  DeadLetterList,
  HaltedPartitionList,
  NettingCycleList,
  ObligationList,
  SolvencyView,
} from './live.views';

const ADL_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { account: ACCOUNT_ID, instrument: INSTRUMENT },
};
const DEAD_LETTER_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    topic: { type: 'string', enum: tailedTopics().filter((t) => t.endsWith('.dlq')) },
    ...PAGE_PROPERTIES,
  },
};
const CYCLE_PATH_SCHEMA: ObjectSchema = {
  type: 'object',
  required: ['cycleId'],
  additionalProperties: false,
  properties: { cycleId: { type: 'string', pattern: '^[0-9]{1,4}-[0-9]{1,12}$' } },
};

/** System-wide reads folded from topics (Cover 2, ADL lights, netting, dead letters) and halted partitions. */
@ApiTags('system')
@Controller('v1')
export class LiveReadsController {
  constructor(
    private readonly tail: LiveTail,
    private readonly halts: HaltedPartitions,
    private readonly access: AccountAccess,
  ) {}

  @Get('solvency')
  @Allow(...STAFF_READERS)
  @ApiOperation({
    summary: 'Latest Cover 2 report: insurance funds + excess collateral vs two largest stress losses',
  })
  @ApiOkResponse({ type: SolvencyView })
  @ApiNotFoundResponse({ type: Problem, description: 'No solvency report published yet' })
  solvency(): SolvencyView {
    const solvency = this.tail.state.solvency;
    if (!solvency) throw new NotFoundException('no solvency report published yet');
    return withoutEnvelope(solvency);
  }

  @Get('adl-queue')
  @Allow(...READERS)
  @ApiOperation({
    summary: 'ADL queue lights per account, instrument and side (an account key: its own tree)',
  })
  @ApiQuerySchema(ADL_SCHEMA)
  @ApiOkResponse({ type: AdlQueueList })
  async adlQueue(
    @Query(new SchemaPipe(ADL_SCHEMA, 'query')) query: { account?: string; instrument?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<AdlQueueList> {
    const visible = await this.access.visibleAccounts(principal);
    const items = [...this.tail.state.adlLights.values()].filter(
      (l) =>
        (visible === undefined || visible.includes(l.account)) &&
        (query.account === undefined || l.account === query.account) &&
        (query.instrument === undefined || l.instrument === query.instrument),
    );
    const sorted = items.sort((a, b) => b.quintile - a.quintile || a.account.localeCompare(b.account));
    return { items: sorted.map(withoutEnvelope) };
  }

  @Get('netting/cycles')
  @Allow(...STAFF_READERS)
  @ApiOperation({ summary: 'Closed netting cycles, newest first, with gross, net and netting efficiency' })
  @ApiQuerySchema(PAGE_ONLY_SCHEMA)
  @ApiOkResponse({ type: NettingCycleList })
  cycles(@Query(new SchemaPipe(PAGE_ONLY_SCHEMA, 'query')) page: PageQuery): NettingCycleList {
    const newestFirst = [...this.tail.state.cycles.values()].reverse().map(withoutEnvelope);
    return paged(newestFirst.slice(page.offset, page.offset + page.limit + 1), page);
  }

  @Get('netting/cycles/:cycleId/obligations')
  @Allow(...READERS)
  @ApiOperation({ summary: "A cycle's net obligations per account and asset (an account key: its own tree)" })
  @ApiOkResponse({ type: ObligationList })
  async obligations(
    @Param(new SchemaPipe(CYCLE_PATH_SCHEMA, 'path')) { cycleId }: { cycleId: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<ObligationList> {
    const visible = await this.access.visibleAccounts(principal);
    const all = this.tail.state.obligations.get(cycleId) ?? [];
    return {
      items: all.filter((o) => visible === undefined || visible.includes(o.account)),
    };
  }

  @Get('dead-letters')
  @Allow(...STAFF_READERS)
  @ApiOperation({ summary: 'Dead-lettered input records with reason and source offset, newest first' })
  @ApiQuerySchema(DEAD_LETTER_SCHEMA)
  @ApiOkResponse({ type: DeadLetterList })
  deadLetters(
    @Query(new SchemaPipe(DEAD_LETTER_SCHEMA, 'query')) query: PageQuery & { topic?: string },
  ): DeadLetterList {
    const lists = [...this.tail.state.deadLetters.entries()].filter(
      ([t]) => query.topic === undefined || t === query.topic,
    );
    const newestFirst = lists
      .flatMap(([, list]) => list)
      .sort((a, b) => b.deadLetteredAt.localeCompare(a.deadLetteredAt));
    return paged(newestFirst.slice(query.offset, query.offset + query.limit + 1), query);
  }

  @Get('halted-partitions')
  @Allow(...STAFF_READERS)
  @ApiOperation({ summary: 'Partitions a broken invariant stopped, as each service reports now' })
  @ApiOkResponse({ type: HaltedPartitionList })
  haltedPartitions(): Promise<HaltedPartitionList> {
    return this.halts.scrape();
  }
}

/** The wire envelope (schema version, message kind) says nothing the endpoint does not already say. */
function withoutEnvelope<T extends { schemaVersion: number; kind: string }>(
  message: T,
): Omit<T, 'schemaVersion' | 'kind'> {
  const { schemaVersion: _version, kind: _kind, ...rest } = message;
  return rest;
}
