import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { applyDecorators, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiQuery } from '@nestjs/swagger';
import { COMMON_SCHEMA } from '@clearing/contracts';
import { Problem } from './problem';

/** A JSON Schema for one request part: what ajv checks and what the OpenAPI document shows, one source. */
export interface ObjectSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties: false;
}

const COMMON_DEFS = (COMMON_SCHEMA as { $defs: Record<string, { pattern: string; maxLength?: number }> })
  .$defs;
/** The contracts' patterns, so an id the API accepts is one the journal accepts. */
export const ACCOUNT_ID = { type: 'string', pattern: COMMON_DEFS.accountId.pattern } as const;
export const INSTRUMENT = { type: 'string', maxLength: 64, pattern: COMMON_DEFS.instrument.pattern } as const;
export const ASSET = { type: 'string', maxLength: 64, pattern: COMMON_DEFS.assetCode.pattern } as const;
/** The `:account` path parameter of every per-account route. */
export const ACCOUNT_PATH: ObjectSchema = {
  type: 'object',
  required: ['account'],
  additionalProperties: false,
  properties: { account: ACCOUNT_ID },
};
export const TIMESTAMP = {
  type: 'string',
  format: 'date-time',
  pattern: COMMON_DEFS.timestamp.pattern,
} as const;

// Bodies are taken as sent. Query strings arrive as text: defaults are filled, and only plain digits and
// true/false are read as numbers and booleans (readTextual) -- ajv's own coercion takes "1e400" for Infinity,
// which passed `maximum` and reached Postgres as a 500.
const bodyAjv = addFormats(new Ajv({ allErrors: true }));
const queryAjv = addFormats(new Ajv({ allErrors: true, useDefaults: true }));
const PLAIN_INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/** The textual parameters as their schema types: digits to integers, true/false to booleans, else as sent. */
export function readTextual(schema: ObjectSchema, value: object): Record<string, unknown> {
  const read: Record<string, unknown> = { ...value };
  for (const [name, raw] of Object.entries(read)) {
    const type = schema.properties[name]?.type;
    if (typeof raw !== 'string') continue;
    if (type === 'integer' && PLAIN_INTEGER.test(raw)) read[name] = Number(raw);
    else if (type === 'boolean' && (raw === 'true' || raw === 'false')) read[name] = raw === 'true';
  }
  return read;
}

/** 400 with every reason the value breaks (allErrors), never a 500 on any input. */
@Injectable()
export class SchemaPipe implements PipeTransform {
  private readonly validate: ValidateFunction;

  constructor(
    private readonly schema: ObjectSchema,
    private readonly part: 'body' | 'query' | 'path',
  ) {
    this.validate = (part === 'body' ? bodyAjv : queryAjv).compile(schema);
  }

  transform(value: unknown): unknown {
    const copy = this.part === 'body' ? value : readTextual(this.schema, value as object);
    if (this.validate(copy)) return copy;
    throw new BadRequestException({
      message: `invalid ${this.part}`,
      reasons: reasonsOf(this.validate.errors, this.part),
    });
  }
}

function reasonsOf(errors: readonly ErrorObject[] | null | undefined, part: string): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${e.instancePath || `(${part})`} ${e.message ?? 'is invalid'}${extra}`;
  });
}

/** Validates the body against `schema` and documents it (request schema plus the 400 problem). */
export function ValidBody(schema: ObjectSchema): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema }),
    ApiBadRequestResponse({ type: Problem, description: 'Invalid body: every reason listed' }),
  );
}

/** Documents each query parameter of `schema`; pair with `@Query(new SchemaPipe(schema, 'query'))`. */
export function ApiQuerySchema(schema: ObjectSchema): MethodDecorator {
  const params = Object.entries(schema.properties).map(([name, property]) =>
    ApiQuery({ name, required: schema.required?.includes(name) ?? false, schema: property }),
  );
  return applyDecorators(
    ...params,
    ApiBadRequestResponse({ type: Problem, description: 'Invalid query: every reason listed' }),
  );
}
