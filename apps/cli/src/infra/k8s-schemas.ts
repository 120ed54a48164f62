import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { K8sObject } from './kustomize';

/**
 * Schema checks for rendered manifests, as the API server would make them with strict field validation:
 * built-in kinds through the kubernetes-models validators (the Kubernetes OpenAPI schemas), custom
 * resources through the operators' own CRD schemas checked in under k8s/schemas (README there).
 */

/** Throws naming the object and the first violations. */
export function validateBuiltIn(object: K8sObject): void {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const modulePath = ['kubernetes-models', group, version, object.kind].filter(Boolean).join('/');
  // One module per kind in kubernetes-models: loaded by name, so every built-in kind is covered.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require(modulePath)[object.kind];
  new model(object).validate();
}

interface CustomResourceDefinition {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema: { openAPIV3Schema: Record<string, unknown> } }[];
  };
}

/** Validators by `apiVersion/kind` for every served version of every CRD under `schemasDir`. */
export function crdValidators(schemasDir: string): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64'])
    ajv.addFormat(format, { type: 'number', validate: Number.isInteger });
  const validators = new Map<string, ValidateFunction>();
  for (const crd of crdFiles(schemasDir)) {
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      validators.set(key, ajv.compile(closedObjects(version.schema.openAPIV3Schema)));
    }
  }
  return validators;
}

function crdFiles(dir: string): CustomResourceDefinition[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return crdFiles(path);
    if (!/\.ya?ml$/.test(entry.name)) return [];
    const document = parse(readFileSync(path, 'utf8'));
    return document?.kind === 'CustomResourceDefinition' ? [document as CustomResourceDefinition] : [];
  });
}

/**
 * The API server prunes fields a structural schema does not declare, so a misspelt field would vanish
 * silently; kubectl's strict field validation refuses it instead. So: every object schema that lists
 * its properties and does not preserve unknown fields gets additionalProperties: false.
 */
function closedObjects(schema: Record<string, unknown>): Record<string, unknown> {
  const closed: Record<string, unknown> = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closedValue(key, value)]),
  );
  const open = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (schema.properties !== undefined && schema.additionalProperties === undefined && !open)
    closed.additionalProperties = false;
  return closed;
}

function closedValue(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => closedValue('', item));
  if (value === null || typeof value !== 'object') return value;
  if (key === 'properties')
    return Object.fromEntries(
      Object.entries(value).map(([name, property]) => [name, closedObjects(property)]),
    );
  return closedObjects(value as Record<string, unknown>);
}
