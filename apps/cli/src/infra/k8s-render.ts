import { join } from 'node:path';
import { K8sObject, renderKustomization } from './kustomize';
import { infraPaths } from './paths';

export const K8S_DIR = join(infraPaths().repoRoot, 'k8s');

/** What `kubectl kustomize` gives for the base and for each overlay, rendered once per spec file. */
export const RENDERED: ReadonlyMap<string, K8sObject[]> = new Map(
  ['base', 'overlays/production'].map((dir) => [dir, renderKustomization(join(K8S_DIR, dir))]),
);

export const ofKind = (objects: readonly K8sObject[], kind: string): K8sObject[] =>
  objects.filter((object) => object.kind === kind);

/** The pod template of a workload (Deployment, Job), or undefined for anything else. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const podTemplateOf = (object: K8sObject): any => object.spec?.template;

/** Init and main containers of a workload. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function containersOf(object: K8sObject): any[] {
  const spec = podTemplateOf(object)?.spec;
  return spec === undefined ? [] : [...(spec.initContainers ?? []), ...spec.containers];
}
