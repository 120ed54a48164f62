import { applyDecorators, Header, HttpCode } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { ObjectSchema, ValidBody } from '../http/schema-validation';
import { CommandReceiptView } from './receipt';

/** What every journaled write declares: 202 + receipt, the Idempotency-Key header, its body schema. */
export function Write(summary: string, body: ObjectSchema): MethodDecorator {
  return applyDecorators(
    HttpCode(202),
    Header('cache-control', 'no-store'),
    ApiOperation({
      summary,
      description:
        'Becomes a journaled command whose id is the Idempotency-Key; poll statusUrl until booked or refused. ' +
        'Retrying with the same key after a lost answer never issues it twice.',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: 'The command id (1-128 of A-Za-z0-9._:-).',
    }),
    ValidBody(body),
    ApiAcceptedResponse({ type: CommandReceiptView }),
  );
}
