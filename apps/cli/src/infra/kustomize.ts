import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { applyPatch, Operation } from 'fast-json-patch';
import { parse, parseAllDocuments } from 'yaml';

/**
 * No kustomize binary can be installed here (none on npm; Debian's kubectl is 1.20, with a kustomize far
 * older than these files), so the specs render k8s/ with this: the subset of kustomize the repository
 * uses, applied in kustomize's order (resources, generators, patches, images, namespace). Any other
 * kustomization field fails the render, so a file using one cannot pass unchecked.
 */

/** A Kubernetes object as rendered: enough typing for the specs to walk it. */
export interface K8sObject {
  apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly [field: string]: any;
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: PatchTarget; patch: string }[];
  configMapGenerator?: { name: string; files: string[] }[];
  generatorOptions?: { disableNameSuffixHash?: boolean; labels?: Record<string, string> };
}

interface PatchTarget {
  group?: string;
  kind?: string;
  name?: string;
}

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'patches',
  'configMapGenerator',
  'generatorOptions',
]);

/** Cluster-scoped kinds among what the repository deploys: a kustomization namespace skips them. */
const CLUSTER_SCOPED = new Set(['Namespace']);

export function renderKustomization(dir: string): K8sObject[] {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED.has(field));
  if (unsupported.length > 0) throw new Error(`${dir}: unsupported kustomization fields ${unsupported}`);
  const objects = [
    ...(kustomization.resources ?? []).flatMap((resource) => loadResource(join(dir, resource))),
    ...(kustomization.configMapGenerator ?? []).map((generator) =>
      generateConfigMap(dir, generator, kustomization.generatorOptions),
    ),
  ];
  const patched = objects.map((object) => patchObject(object, kustomization.patches ?? []));
  for (const object of patched) setImages(object, kustomization.images ?? []);
  if (kustomization.namespace === undefined) return patched;
  return patched.map((object) =>
    CLUSTER_SCOPED.has(object.kind)
      ? object
      : { ...object, metadata: { ...object.metadata, namespace: kustomization.namespace } },
  );
}

function loadResource(path: string): K8sObject[] {
  if (!existsSync(path)) throw new Error(`kustomization resource ${path} does not exist`);
  if (statSync(path).isDirectory()) return renderKustomization(path);
  return parseAllDocuments(readFileSync(path, 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0].message}`);
    return document.toJS() as K8sObject;
  });
}

function generateConfigMap(
  dir: string,
  generator: { name: string; files: string[] },
  options: Kustomization['generatorOptions'] = {},
): K8sObject {
  // A hashed name would have to be reproduced exactly; the repository's generators all disable it.
  if (!options.disableNameSuffixHash) throw new Error(`${dir}: name suffix hashes are not rendered`);
  const data = Object.fromEntries(
    generator.files.map((file) => [basename(file), readFileSync(join(dir, file), 'utf8')]),
  );
  const labels = options.labels ?? {};
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name, labels }, data };
}

function matches(object: K8sObject, target: PatchTarget): boolean {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return (
    (target.group === undefined || target.group === group) &&
    (target.kind === undefined || target.kind === object.kind) &&
    (target.name === undefined || new RegExp(`^(?:${target.name})$`).test(object.metadata.name))
  );
}

function patchObject(object: K8sObject, patches: NonNullable<Kustomization['patches']>): K8sObject {
  return patches
    .filter((patch) => matches(object, patch.target))
    .reduce(
      (patched, patch) => applyPatch(patched, parse(patch.patch) as Operation[], true, false).newDocument,
      structuredClone(object),
    );
}

/** As kustomize's `images`: every container whose image is `name` (with or without a tag) is replaced. */
function setImages(object: K8sObject, images: NonNullable<Kustomization['images']>): void {
  const podSpec = object.spec?.template?.spec ?? object.spec?.jobTemplate?.spec?.template?.spec;
  if (podSpec === undefined) return;
  for (const container of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])]) {
    const [name, tag] = (container.image as string).split(':');
    const image = images.find((candidate) => candidate.name === name);
    if (image) container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
  }
}
