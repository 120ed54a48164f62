import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { COMMON_SCHEMA, INSTRUMENTS_FILE_SCHEMA, SCHEMA_BY_TOPIC, SchemaTopic } from './schemas';

// At most this many schema errors are reported per message: enough to fix it, short enough for a header.
const MAX_REPORTED_ERRORS = 5;

let compiled: ReadonlyMap<SchemaTopic, ValidateFunction> | undefined;
let instrumentFile: ValidateFunction | undefined;

/** The compiled validator of `topic`; all schemas are compiled once, on first use. */
export function validatorOf(topic: SchemaTopic): ValidateFunction {
  compiled ??= compileAll();
  const validate = compiled.get(topic);
  if (validate === undefined) {
    throw new Error(`no schema for topic ${topic}`);
  }
  return validate;
}

/** The compiled validator of config/instruments.json (instruments.v1.schema.json), compiled on first use. */
export function instrumentFileValidator(): ValidateFunction {
  instrumentFile ??= schemaCompiler().compile(INSTRUMENTS_FILE_SCHEMA);
  return instrumentFile;
}

function compileAll(): ReadonlyMap<SchemaTopic, ValidateFunction> {
  const ajv = schemaCompiler();
  const entries = Object.entries(SCHEMA_BY_TOPIC) as Array<[SchemaTopic, object]>;
  return new Map(entries.map(([topic, schema]) => [topic, ajv.compile(schema)]));
}

function schemaCompiler(): Ajv2020 {
  // strict schema keywords stay on (a typo is an error); strictRequired/strictTypes off because
  // sub-schemas like {required: [strike]} legitimately rely on the enclosing schema's properties and type.
  // discriminator: report errors of the branch the `kind`/`type` selects, not of every oneOf branch.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    discriminator: true,
  });
  addFormats(ajv);
  ajv.addSchema(COMMON_SCHEMA);
  return ajv;
}

/** Human-readable ajv errors: `/buyer/fee must be string; / must have required property 'fillId'`. */
export function formatSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) {
    return 'does not match the schema';
  }
  // `must match "then" schema` only repeats the specific errors already reported under it.
  const specific = errors.filter((error) => error.keyword !== 'if');
  const lines = specific.slice(0, MAX_REPORTED_ERRORS).map(formatSchemaError);
  const more =
    specific.length > MAX_REPORTED_ERRORS ? `; and ${specific.length - MAX_REPORTED_ERRORS} more` : '';
  return [...new Set(lines)].join('; ') + more;
}

function formatSchemaError(error: ErrorObject): string {
  const path = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty ?? params.unevaluatedProperty ?? params.allowedValues ?? params.allowedValue;
  // A `false` sub-schema forbids a field in this variant (e.g. expiry on a perpetual); say so plainly.
  const message = error.keyword === 'false schema' ? 'must not be present here' : error.message;
  return `${path} ${message ?? error.keyword}${detail === undefined ? '' : ` (${JSON.stringify(detail)})`}`;
}
