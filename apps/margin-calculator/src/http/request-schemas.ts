import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { BadRequestException } from '@nestjs/common';
import { AttributionV1, WITHDRAWAL_REQUEST_SCHEMA, WithdrawalRequest } from '@clearing/contracts';

/** The client's withdrawal as the clearing API forwards it: with its command id and who asked. */
export interface WithdrawalRequestBody extends WithdrawalRequest {
  /** Idempotency key of the caller; a fresh one per attempt (a stale refusal is final for its id). */
  commandId: string;
  /** Who asked, as the clearing API authenticated them; journaled with the withdrawal. */
  attribution?: AttributionV1;
}

export const WITHDRAWAL_SCHEMA = {
  ...WITHDRAWAL_REQUEST_SCHEMA,
  required: [...WITHDRAWAL_REQUEST_SCHEMA.required, 'commandId'],
  properties: {
    ...WITHDRAWAL_REQUEST_SCHEMA.properties,
    commandId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
    attribution: {
      type: 'object',
      required: ['principal', 'at', 'via'],
      additionalProperties: false,
      properties: {
        principal: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$' },
        keyId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
        at: { type: 'string', maxLength: 40 },
        via: { type: 'string', enum: ['api', 'cli', 'ops'] },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates a request body against its schema (typed by the caller): 400 with every reason, never a crash. */
export function validated<T>(schema: object, body: unknown): T {
  let validate = compiled.get(schema) as ValidateFunction<T> | undefined;
  if (validate === undefined) compiled.set(schema, (validate = ajv.compile<T>(schema)));
  if (validate(body)) return body;
  throw new BadRequestException({ message: 'invalid request', reasons: reasonsOf(validate.errors ?? []) });
}

function reasonsOf(errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
}
