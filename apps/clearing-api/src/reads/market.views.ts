import { ApiProperty } from '@nestjs/swagger';
import { PageInfo } from '../http/pagination';

export class InstrumentView {
  @ApiProperty({ example: 'BTC-27DEC26-60000-C' })
  symbol!: string;

  @ApiProperty({ enum: ['spot', 'perpetual', 'future', 'option'] })
  kind!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Contract terms as registered' })
  definition!: object;

  @ApiProperty({ enum: ['config', 'journal'], description: 'Seeded from config, or registered by command' })
  source!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class InstrumentList {
  @ApiProperty({ type: [InstrumentView] })
  items!: InstrumentView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}

export class MarkView {
  @ApiProperty({
    example: 'BTC-PERP',
    description: 'index:<underlying>, redemption:<token> or the instrument',
  })
  markKey!: string;

  @ApiProperty({ enum: ['index', 'redemption-rate', 'instrument', 'expiry-settlement'] })
  kind!: string;

  @ApiProperty({ example: 'BTC-PERP' })
  subject!: string;

  @ApiProperty({ enum: ['valid', 'invalid'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true, example: 'stale' })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ type: String, nullable: true, example: '61000.5', description: 'Headline number' })
  price!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole marks.v1 message' })
  mark!: object;

  @ApiProperty({ description: 'Partition of marks.v1 it came from' })
  sourcePartition!: number;

  @ApiProperty({ example: '1024', description: 'Offset on marks.v1 (int64 as a string)' })
  sourceOffset!: string;
}

export class MarkList {
  @ApiProperty({ type: [MarkView] })
  items!: MarkView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}

export class VolPointView {
  @ApiProperty({ example: 'BTC-27DEC26-60000-C' })
  instrument!: string;

  @ApiProperty({ example: 'BTC' })
  underlying!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  expiry!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '60000' })
  strike!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ['call', 'put'] })
  optionType!: string | null;

  @ApiProperty({ example: '0.55', description: 'Implied volatility, annualised, as a decimal string' })
  vol!: string;

  @ApiProperty({ example: '0.0611', description: 'Years to expiry at the mark' })
  years!: string;

  @ApiProperty({ example: '61250.1' })
  forward!: string;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;
}

export class VolSurface {
  @ApiProperty({
    type: [VolPointView],
    description: 'One point per option mark, by underlying, expiry, strike',
  })
  items!: VolPointView[];
}
