import { ApiProperty } from '@nestjs/swagger';
import { ObligationComponentsV1 } from '@clearing/contracts';
import { PageInfo } from '../http/pagination';

export class FundBalanceView {
  @ApiProperty({ example: 'CCP:insurance' })
  account!: string;

  @ApiProperty({ example: 'USDC' })
  asset!: string;

  @ApiProperty({ example: '5000000' })
  balance!: string;
}

export class StressLossView {
  @ApiProperty({ example: 'ACME' })
  account!: string;

  @ApiProperty({ example: '1250000.00' })
  stressLossUsd!: string;
}

export class SolvencyView {
  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ type: [FundBalanceView] })
  insuranceFunds!: readonly FundBalanceView[];

  @ApiProperty({ example: '5000000.00' })
  insuranceFundUsd!: string;

  @ApiProperty({ example: '10000000.00' })
  excessCollateralUsd!: string;

  @ApiProperty({ example: '2100000.00', description: 'The two largest stress losses (Cover 2)' })
  requiredUsd!: string;

  @ApiProperty({ type: [StressLossView] })
  largest!: readonly StressLossView[];

  @ApiProperty({ type: Number, nullable: true, example: 7.14, description: 'resources / required' })
  ratio!: number | null;

  @ApiProperty()
  sufficient!: boolean;
}

export class AdlLightView {
  @ApiProperty({ example: 'ACME' })
  account!: string;

  @ApiProperty({ example: 'BTC-PERP' })
  instrument!: string;

  @ApiProperty({ enum: ['long', 'short'] })
  side!: string;

  @ApiProperty({ enum: [1, 2, 3, 4, 5], description: '5 = first 20% of the ADL queue' })
  quintile!: number;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;
}

export class AdlQueueList {
  @ApiProperty({ type: [AdlLightView] })
  items!: AdlLightView[];
}

export class AssetNettingView {
  @ApiProperty({ example: 'USDC' })
  asset!: string;

  @ApiProperty({ example: '1200000' })
  gross!: string;

  @ApiProperty({ example: '180000', description: 'Sum over accounts of |net|' })
  net!: string;

  @ApiProperty({ example: '0.85', description: '1 - net / gross, 6 places' })
  nettingEfficiency!: string;
}

export class NettingCycleView {
  @ApiProperty({ example: '3-17' })
  cycleId!: string;

  @ApiProperty()
  partition!: number;

  @ApiProperty()
  cycleSeq!: number;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ format: 'date-time' })
  closedAt!: string;

  @ApiProperty()
  eventCount!: number;

  @ApiProperty()
  obligationCount!: number;

  @ApiProperty({ type: [AssetNettingView] })
  byAsset!: readonly AssetNettingView[];
}

export class NettingCycleList {
  @ApiProperty({ type: [NettingCycleView] })
  items!: NettingCycleView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}

export class ObligationView {
  @ApiProperty({ example: '3-17' })
  cycleId!: string;

  @ApiProperty({ example: 'ACME' })
  account!: string;

  @ApiProperty({ example: 'USDC' })
  asset!: string;

  @ApiProperty({ example: '-2500.5', description: 'Owed (negative) or owed to the account (positive)' })
  net!: string;

  @ApiProperty({ example: '9000' })
  gross!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'By cause' })
  components!: ObligationComponentsV1;

  @ApiProperty({ format: 'date-time' })
  closedAt!: string;
}

export class ObligationList {
  @ApiProperty({ type: [ObligationView] })
  items!: ObligationView[];
}

export class DeadLetterView {
  @ApiProperty({ example: 'fills.v1.dlq' })
  topic!: string;

  @ApiProperty()
  partition!: number;

  @ApiProperty({ example: '17' })
  offset!: string;

  @ApiProperty({ type: String, nullable: true, example: 'fills.v1' })
  sourceTopic!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  sourcePartition!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1042',
    description: 'Offset of the rejected record',
  })
  sourceOffset!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '/price must match pattern' })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'schema' })
  reasonCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  key!: string | null;

  @ApiProperty({ format: 'date-time' })
  deadLetteredAt!: string;
}

export class DeadLetterList {
  @ApiProperty({ type: [DeadLetterView], description: 'Newest first; the latest 1,000 per topic' })
  items!: DeadLetterView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}

export class HaltedPartitionView {
  @ApiProperty({ example: 'position-aggregator' })
  service!: string;

  @ApiProperty({ example: 'ledger.commands.v1' })
  topic!: string;

  @ApiProperty()
  partition!: number;

  @ApiProperty({ example: 'balance invariant broken' })
  reason!: string;

  @ApiProperty({ example: 'http://10.0.3.7:3001', description: 'The instance that holds the halt' })
  instance!: string;
}

export class ServiceScrapeView {
  @ApiProperty({ example: 'position-aggregator' })
  service!: string;

  @ApiProperty({ example: 'http://10.0.3.7:3001', description: 'One instance (every address of its host)' })
  instance!: string;

  @ApiProperty()
  reachable!: boolean;

  @ApiProperty({ required: false })
  error?: string;
}

export class HaltedPartitionList {
  @ApiProperty({ type: [HaltedPartitionView] })
  halted!: HaltedPartitionView[];

  @ApiProperty({
    type: [ServiceScrapeView],
    description: 'Each instance of each service of CLEARING_SERVICE_URLS, scraped now',
  })
  services!: ServiceScrapeView[];
}
