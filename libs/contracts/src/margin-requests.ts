import { COMMON_SCHEMA, DECIMAL_DIGITS_PATTERN } from './schemas';

// The margin requests the clearing API takes at its door and forwards to the owning margin calculator
// (what-if, withdrawal): one schema for both ends, so what the API accepts the calculator accepts too.

const DEFS = (COMMON_SCHEMA as { $defs: Record<string, { pattern: string }> }).$defs;

/** A contracts decimal within the digits bound: a 60-digit number is a 400 at the door, not a 500 later. */
export function boundedDecimal(def: 'decimal' | 'positiveDecimal' | 'nonZeroDecimal', description: string) {
  return {
    type: 'string',
    maxLength: 64,
    pattern: DEFS[def].pattern,
    allOf: [{ pattern: DECIMAL_DIGITS_PATTERN }],
    description,
  };
}

export interface WhatIfRequest {
  trades: { instrument: string; quantity: string; priceUsd: string }[];
}

export interface WithdrawalRequest {
  asset: string;
  amount: string;
}

export const WHAT_IF_REQUEST_SCHEMA = {
  type: 'object' as const,
  required: ['trades'],
  additionalProperties: false as const,
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
          instrument: { type: 'string', maxLength: 64, pattern: DEFS.instrument.pattern },
          quantity: boundedDecimal('nonZeroDecimal', 'Signed contracts: positive buys.'),
          priceUsd: boundedDecimal(
            'positiveDecimal',
            'Per underlying unit, as fills are (docs/contracts.md, Prices): the trade is worth quantity x contract size x price.',
          ),
        },
      },
    },
  },
};

export const WITHDRAWAL_REQUEST_SCHEMA = {
  type: 'object' as const,
  required: ['asset', 'amount'],
  additionalProperties: false as const,
  properties: {
    asset: { type: 'string', maxLength: 64, pattern: DEFS.assetCode.pattern },
    amount: boundedDecimal('positiveDecimal', 'Above zero: a zero withdrawal moves nothing.'),
  },
};
