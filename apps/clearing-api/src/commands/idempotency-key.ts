import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The journal's command-id alphabet (ledger.commands.v1 `commandId`): the key becomes the command id. */
const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Reads and checks the Idempotency-Key header of a write. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string {
  const key = headers[IDEMPOTENCY_KEY_HEADER];
  if (typeof key !== 'string')
    throw new BadRequestException(
      'the Idempotency-Key header is required: it is the command id, reused only to retry the same write',
    );
  if (!COMMAND_ID.test(key))
    throw new BadRequestException(
      'Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 . _ : - starting with a letter or digit',
    );
  return key;
}

/** `@IdempotencyKey() commandId: string` on a write handler. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers),
);
