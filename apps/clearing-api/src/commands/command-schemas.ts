import { boundedDecimal } from '@clearing/contracts';
import { ACCOUNT_ID, ASSET, INSTRUMENT, ObjectSchema, TIMESTAMP } from '../http/schema-validation';

const REASON = { type: 'string', minLength: 1, maxLength: 500 };

export const OPEN_ACCOUNT_BODY: ObjectSchema = {
  type: 'object',
  required: ['account'],
  additionalProperties: false,
  properties: {
    account: ACCOUNT_ID,
    parentAccount: { ...ACCOUNT_ID, description: 'Opens a sub-account of this account.' },
    isolated: { type: 'boolean', description: 'A sub-account margined on its own (needs parentAccount).' },
  },
};

export const SUSPEND_BODY: ObjectSchema = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { ...REASON, description: 'Why: journaled with the suspension.' } },
};

export const EMPTY_BODY: ObjectSchema = { type: 'object', additionalProperties: false, properties: {} };

export const DEPOSIT_BODY: ObjectSchema = {
  type: 'object',
  required: ['asset', 'amount'],
  additionalProperties: false,
  properties: {
    asset: ASSET,
    amount: boundedDecimal('positiveDecimal', 'Above zero, at most the asset’s decimals.'),
    externalRef: {
      type: 'string',
      minLength: 1,
      maxLength: 128,
      description: 'The bank or chain reference.',
    },
  },
};

export const REGISTER_INSTRUMENT_BODY: ObjectSchema = {
  type: 'object',
  required: [
    'instrument',
    'instrumentKind',
    'underlying',
    'quoteAsset',
    'settlementAsset',
    'positionScale',
    'contractSize',
  ],
  additionalProperties: false,
  properties: {
    instrument: INSTRUMENT,
    instrumentKind: { type: 'string', enum: ['perpetual', 'future', 'option'] },
    underlying: ASSET,
    quoteAsset: ASSET,
    settlementAsset: ASSET,
    positionScale: {
      type: 'integer',
      minimum: 0,
      maximum: 18,
      description: 'Fraction digits of a position.',
    },
    contractSize: boundedDecimal('positiveDecimal', 'Units of the underlying per contract.'),
    expiry: { ...TIMESTAMP, description: 'Futures and options.' },
    strike: boundedDecimal('positiveDecimal', 'Options.'),
    optionType: { type: 'string', enum: ['call', 'put'] },
  },
};

export const RISK_PARAMS_BODY: ObjectSchema = {
  type: 'object',
  required: ['scope', 'params'],
  additionalProperties: false,
  properties: {
    scope: { type: 'string', enum: ['global', 'underlying', 'instrument', 'asset'] },
    target: { type: 'string', minLength: 1, maxLength: 64, description: 'Absent exactly for global.' },
    params: {
      type: 'object',
      minProperties: 1,
      maxProperties: 50,
      propertyNames: { pattern: '^[a-z][A-Za-z0-9]{0,63}$' },
      additionalProperties: boundedDecimal('decimal', 'A decimal string.'),
      description: 'e.g. { "imFactor": "1.5" } (docs/MARGIN.md lists the parameters).',
    },
  },
};

export const COMMAND_ID_PATH: ObjectSchema = {
  type: 'object',
  required: ['commandId'],
  additionalProperties: false,
  properties: { commandId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' } },
};
