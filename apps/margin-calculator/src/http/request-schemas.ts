import Ajv, { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import { BadRequestException } from '@nestjs/common';
import { AttributionV1, DECIMAL_DIGITS_PATTERN } from '@clearing/contracts';

// Shape, then the contracts' digits bound: a 60-digit quantity is a 400 here, not a 500 later.
const DECIMAL = { type: 'string', pattern: '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$' } as const;
const POSITIVE_DECIMAL = {
  type: 'string',
  pattern: '^([1-9][0-9]*(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*)$',
} as const;
const bounded = <T extends { type: 'string'; pattern: string }>(shape: T) => ({
  ...shape,
  allOf: [{ type: 'string', pattern: DECIMAL_DIGITS_PATTERN }] as { type: 'string'; pattern: string }[],
});

export interface WhatIfRequest {
  trades: { instrument: string; quantity: string; priceUsd: string }[];
}

export interface WithdrawalRequestBody {
  asset: string;
  amount: string;
  /** Idempotency key of the caller; a fresh one per attempt (a stale refusal is final for its id). */
  commandId: string;
  /** Who asked, as the clearing API authenticated them; journaled with the withdrawal. */
  attribution?: AttributionV1;
}

export const WHAT_IF_SCHEMA: JSONSchemaType<WhatIfRequest> = {
  type: 'object',
  required: ['trades'],
  additionalProperties: false,
  properties: {
    trades: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        required: ['instrument', 'quantity', 'priceUsd'],
        additionalProperties: false,
        properties: {
          instrument: { type: 'string', minLength: 1, maxLength: 64 },
          quantity: { ...bounded(DECIMAL), description: 'Signed contracts: positive buys.' },
          priceUsd: {
            ...bounded(POSITIVE_DECIMAL),
            description:
              'Per underlying unit, as fills are (docs/contracts.md, Prices): the trade is worth quantity x contract size x price.',
          },
        },
      },
    },
  },
};

export const WITHDRAWAL_SCHEMA: JSONSchemaType<WithdrawalRequestBody> = {
  type: 'object',
  required: ['asset', 'amount', 'commandId'],
  additionalProperties: false,
  properties: {
    asset: { type: 'string', minLength: 1, maxLength: 64 },
    amount: { ...bounded(POSITIVE_DECIMAL), description: 'Above zero: a zero withdrawal moves nothing.' },
    commandId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
    attribution: {
      type: 'object',
      nullable: true,
      required: ['principal', 'at', 'via'],
      additionalProperties: false,
      properties: {
        principal: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$' },
        keyId: { type: 'string', nullable: true, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
        at: { type: 'string', maxLength: 40 },
        via: { type: 'string', enum: ['api', 'cli', 'ops'] },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates a request body against its schema: 400 with every reason, never a crash. */
export function validated<T>(schema: JSONSchemaType<T>, body: unknown): T {
  let validate = compiled.get(schema) as ValidateFunction<T> | undefined;
  if (validate === undefined) compiled.set(schema, (validate = ajv.compile(schema)));
  if (validate(body)) return body;
  throw new BadRequestException({ message: 'invalid request', reasons: reasonsOf(validate.errors ?? []) });
}

function reasonsOf(errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
}
