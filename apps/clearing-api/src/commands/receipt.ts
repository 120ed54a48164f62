import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shape of CommandReceipt (command-issuer.ts). */
export class CommandReceiptView {
  @ApiProperty({ example: 'ops-2026-12-06-0001', description: 'The Idempotency-Key of the write' })
  commandId!: string;

  @ApiProperty({ enum: ['pending', 'booked', 'refused', 'conflict'] })
  status!: string;

  @ApiProperty({ example: '/v1/commands/ops-2026-12-06-0001', description: 'Poll here while pending' })
  statusUrl!: string;

  @ApiPropertyOptional({
    description:
      'Once decided: account, eventType, journalSequence, journalPartition, journalOffset, occurredAt, ' +
      'attribution {principal, keyId, at, via}, and the reason when refused',
  })
  outcome?: object;
}
