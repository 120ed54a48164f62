import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfo } from '../http/pagination';

// Amounts are decimal strings exactly as Postgres holds them (NUMERIC, trailing zeros trimmed): never a
// JSON number, so no client rounds a ledger amount by parsing it as a float.

export class AccountView {
  @ApiProperty({ example: 'ACME:1' })
  accountId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'ACME' })
  parentAccountId!: string | null;

  @ApiProperty({ enum: ['cross', 'isolated'] })
  marginMode!: string;

  @ApiProperty({ enum: ['active', 'suspended', 'closed'] })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class AccountDetail extends AccountView {
  @ApiProperty({ type: [AccountView], description: 'Direct sub-accounts' })
  subAccounts!: AccountView[];
}

export class AccountList {
  @ApiProperty({ type: [AccountView] })
  items!: AccountView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}

export class BalanceView {
  @ApiProperty({ example: 'USDC' })
  asset!: string;

  @ApiProperty({ example: '1250000.5', description: 'Decimal string' })
  amount!: string;

  @ApiProperty({ example: 42, description: 'Journal sequence of the account that last changed it' })
  lastSequence!: number;
}

export class BalanceList {
  @ApiProperty({ example: 'ACME' })
  accountId!: string;

  @ApiProperty({ type: [BalanceView] })
  items!: BalanceView[];
}

export class PositionView {
  @ApiProperty({ example: 'BTC-PERP' })
  instrument!: string;

  @ApiProperty({ example: '-2.5', description: 'Signed contracts' })
  quantity!: string;

  @ApiProperty({
    example: '-150000',
    description: 'Sum of quantity x price x contract size of the open lots',
  })
  cost!: string;

  @ApiProperty({ type: String, nullable: true, example: '60000' })
  averageEntryPrice!: string | null;

  @ApiProperty({ example: '1200' })
  realizedPnl!: string;

  @ApiProperty({ example: 'USDC' })
  settlementAsset!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '61000',
    description: 'Latest valid mark per contract',
  })
  markPrice!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  markAsOf!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '-2500',
    description: 'quantity x mark - cost, exact (unrounded); null without a valid mark',
  })
  unrealizedPnl!: string | null;
}

export class PositionList {
  @ApiProperty({ example: 'ACME' })
  accountId!: string;

  @ApiProperty({ type: [PositionView] })
  items!: PositionView[];
}

export class FillLegView {
  @ApiProperty({ example: 'venue-1:fill-981' })
  fillId!: string;

  @ApiProperty({ enum: ['buy', 'sell'] })
  side!: string;

  @ApiProperty({ example: 'BTC-PERP' })
  instrument!: string;

  @ApiProperty({ example: '0.5' })
  quantity!: string;

  @ApiProperty({ example: '61000' })
  price!: string;
}

export class JournalEntryView {
  @ApiProperty()
  eventId!: string;

  @ApiProperty({ example: 42 })
  sequence!: number;

  @ApiProperty({ example: 'fill-booked' })
  eventType!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ description: 'Where the event is on ledger.journal.v1' })
  journalPartition!: number;

  @ApiProperty({ example: '1031', description: 'Offset on its journal partition (int64 as a string)' })
  journalOffset!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The command or fill that caused it' })
  causationId!: string | null;

  @ApiProperty({ type: [FillLegView], description: 'The fill legs this event booked, if any' })
  fills!: FillLegView[];
}

export class Statement {
  @ApiProperty({ example: 'ACME' })
  accountId!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  to?: string;

  @ApiProperty({ type: [JournalEntryView] })
  items!: JournalEntryView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}
