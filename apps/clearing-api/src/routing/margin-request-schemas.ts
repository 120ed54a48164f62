import { COMMON_SCHEMA, DECIMAL_DIGITS_PATTERN } from '@clearing/contracts';
import { ACCOUNT_ID, ASSET, INSTRUMENT, ObjectSchema } from '../http/schema-validation';

const DEFS = (COMMON_SCHEMA as { $defs: Record<string, { pattern: string }> }).$defs;
/** The contracts' decimals within the digits bound: a 60-digit number is a 400 at the door. */
const bounded = (def: string, description: string) => ({
  type: 'string',
  maxLength: 64,
  pattern: DEFS[def].pattern,
  allOf: [{ pattern: DECIMAL_DIGITS_PATTERN }],
  description,
});

export const ACCOUNT_PATH: ObjectSchema = {
  type: 'object',
  required: ['account'],
  additionalProperties: false,
  properties: { account: ACCOUNT_ID },
};

export const WHAT_IF_BODY: ObjectSchema = {
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
          instrument: INSTRUMENT,
          quantity: bounded('nonZeroDecimal', 'Signed contracts: positive buys.'),
          priceUsd: bounded('positiveDecimal', 'Per underlying unit, as fills are.'),
        },
      },
    },
  },
};

export const WITHDRAWAL_BODY: ObjectSchema = {
  type: 'object',
  required: ['asset', 'amount'],
  additionalProperties: false,
  properties: {
    asset: ASSET,
    amount: bounded('positiveDecimal', 'Above zero: a zero withdrawal moves nothing.'),
  },
};
