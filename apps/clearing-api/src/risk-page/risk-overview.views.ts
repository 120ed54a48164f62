import { ApiProperty } from '@nestjs/swagger';
import { PageInfo } from '../http/pagination';
import { HEALTH_BANDS } from './risk-overview-reads';

export class HealthBandCount {
  @ApiProperty({ enum: HEALTH_BANDS })
  band!: string;

  @ApiProperty({ example: 1834 })
  accounts!: number;
}

/** How many accounts sit in each health band (every band listed, empty ones with 0). */
export class HealthBandHistogram {
  @ApiProperty({ type: [HealthBandCount], description: 'healthy .. bankrupt, in that order' })
  items!: HealthBandCount[];

  @ApiProperty({ example: 3, description: 'Accounts whose margin is unpriced (a mark is missing): no band' })
  unpriced!: number;

  @ApiProperty({ example: 1900, description: 'Every account with margin figures, unpriced included' })
  total!: number;
}

/** An account ranked by how close its margin NLV is to its maintenance margin. */
export class NearLiquidationView {
  @ApiProperty({ example: 'ACME' })
  accountId!: string;

  @ApiProperty({ enum: HEALTH_BANDS })
  band!: string;

  @ApiProperty({
    example: '1.0850',
    description: 'margin NLV / MM, exact, 4 places; below 1 is liquidatable',
  })
  healthRatio!: string;

  @ApiProperty({ example: '108500.00', description: 'NLV after collateral haircuts, USD' })
  marginNlvUsd!: string;

  @ApiProperty({ example: '100000.00', description: 'Maintenance margin, USD' })
  mmUsd!: string;

  @ApiProperty({
    example: '8500.00',
    description: 'margin NLV - MM: the loss that makes it liquidatable, USD',
  })
  cushionUsd!: string;
}

export class NearLiquidationList {
  @ApiProperty({ type: [NearLiquidationView] })
  items!: NearLiquidationView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}
