import { ApiProperty } from '@nestjs/swagger';
import { PageInfo } from '../http/pagination';

const USD = (example: string, description?: string) =>
  ApiProperty({ type: String, nullable: true, example, description: description ?? 'USD, 2 places' });

export class GreeksView {
  @ApiProperty({ required: false, example: 'BTC' })
  underlying?: string;

  @ApiProperty({ example: 125000.5 })
  deltaUsd!: number;

  @ApiProperty({ example: -320.1 })
  gammaUsdPerPercent!: number;

  @ApiProperty({ example: 810.4 })
  vegaUsdPerVolPoint!: number;

  @ApiProperty({ example: -95.2 })
  thetaUsdPerDay!: number;
}

export class GreeksSummary {
  @ApiProperty({ type: [GreeksView] })
  byUnderlying!: GreeksView[];

  @ApiProperty({ type: GreeksView })
  total!: GreeksView;
}

/** The margin calculator's latest figures for one account (its `account_risk` projection). */
export class MarginView {
  @ApiProperty({ example: 'ACME' })
  accountId!: string;

  @ApiProperty({ enum: ['account-margin', 'account-unpriced'], description: 'unpriced: a mark is missing' })
  kind!: string;

  @ApiProperty({ enum: ['portfolio', 'standard'], nullable: true, type: String })
  method!: string | null;

  @ApiProperty({
    enum: ['healthy', 'watch', 'warning', 'liquidatable', 'bankrupt'],
    nullable: true,
    type: String,
  })
  band!: string | null;

  @USD('1000000.00', 'Net liquidation value')
  nlvUsd!: string | null;

  @USD('950000.00', 'NLV after collateral haircuts, against MM')
  marginNlvUsd!: string | null;

  @USD('940000.00', 'NLV against IM')
  initialNlvUsd!: string | null;

  @USD('120000.00', 'Initial margin of the method in force')
  imUsd!: string | null;

  @USD('80000.00', 'Maintenance margin')
  mmUsd!: string | null;

  @USD('120000.00')
  portfolioImUsd!: string | null;

  @USD('200000.00')
  standardImUsd!: string | null;

  @USD('80000.00', 'standard IM - portfolio IM')
  nettingSavingUsd!: string | null;

  @USD('820000.00')
  freeCollateralUsd!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 11.9, description: 'margin NLV / MM' })
  healthRatio!: number | null;

  @ApiProperty({ type: GreeksSummary, nullable: true })
  greeks!: GreeksSummary | null;

  @ApiProperty({ type: [String], description: 'Unpriced: the assets without a valid mark' })
  missing!: string[];

  @ApiProperty({ example: 42 })
  journalSequence!: number;

  @ApiProperty({ format: 'date-time' })
  marksAsOf!: string;

  @ApiProperty({ format: 'date-time' })
  computedAt!: string;
}

export class LiquidationStepView {
  @ApiProperty({ example: 1 })
  step!: number;

  @ApiProperty({ enum: ['liquidation', 'insurance-draw', 'adl', 'socialized-loss'] })
  action!: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The ledger commands it issued' })
  commands!: object[];

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  bookedAt!: string | null;
}

export class LiquidationCaseView {
  @ApiProperty({ example: 'ACME#1' })
  caseId!: string;

  @ApiProperty({ example: 'ACME' })
  accountId!: string;

  @ApiProperty({ example: 1 })
  caseNumber!: number;

  @ApiProperty({ enum: ['opened', 'liquidating', 'healthy', 'insurance', 'adl', 'socialized', 'closed'] })
  phase!: string;

  @ApiProperty({ example: 2 })
  steps!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['restored', 'insurance-fund', 'adl', 'socialized-loss'],
  })
  outcome!: string | null;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;
}

export class LiquidationCaseDetail extends LiquidationCaseView {
  @ApiProperty({ type: [LiquidationStepView] })
  stepLog!: LiquidationStepView[];
}

export class LiquidationCaseList {
  @ApiProperty({ type: [LiquidationCaseView] })
  items!: LiquidationCaseView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}

export class InsuranceFundView {
  @ApiProperty({ example: 'CCP:insurance' })
  fundAccount!: string;

  @ApiProperty({ example: 'USDC' })
  asset!: string;

  @ApiProperty({ example: '5000000' })
  balance!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class InsuranceFundList {
  @ApiProperty({ type: [InsuranceFundView] })
  items!: InsuranceFundView[];
}
