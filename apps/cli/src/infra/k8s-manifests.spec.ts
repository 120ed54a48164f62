import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DEPLOYED_SERVICES, releaseVersion } from '@clearing/config';
import { containersOf, K8S_DIR, ofKind, podTemplateOf, RENDERED } from './k8s-render';
import { K8sObject } from './kustomize';
import { infraPaths } from './paths';

const root = infraPaths().repoRoot;
const SERVICE_NAMES = DEPLOYED_SERVICES.map((s) => s.service).sort();
const workloads = (objects: K8sObject[]) => objects.filter((o) => podTemplateOf(o) !== undefined);
const selects = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);
const templateLabels = (objects: K8sObject[]) =>
  workloads(objects).map((w) => podTemplateOf(w).metadata.labels);

describe('k8s manifests: structure and cross-references', () => {
  it('given k8s/base, when kustomized, then every manifest file there is listed (none forgotten)', () => {
    const listed = parse(readFileSync(join(K8S_DIR, 'base', 'kustomization.yaml'), 'utf8')).resources;
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [relative(join(K8S_DIR, 'base'), join(dir, e.name))],
      );
    const manifests = files(join(K8S_DIR, 'base')).filter((f) => f !== 'kustomization.yaml');
    assert.deepEqual(manifests.sort(), listed.filter((r: string) => !r.startsWith('..')).sort());
  });

  for (const [overlay, objects] of RENDERED) {
    servicesOf(overlay, objects);
    instancesReachedOf(overlay, objects);
    postgresTlsOf(overlay, objects);
    selectorsOf(overlay, objects);
    imagesOf(overlay, objects);
    lockdownOf(overlay, objects);
  }

  it('given the dashboards, when kustomized, then the Grafana ConfigMap holds each one byte for byte', () => {
    const dir = join(root, 'deploy', 'grafana', 'dashboards');
    const dashboards = readdirSync(dir).filter((file) => file.endsWith('.json'));
    const configMap = RENDERED.get('base')!.find((o) => o.metadata.name === 'clearing-grafana-dashboards')!;
    assert.deepEqual(Object.keys(configMap.data).sort(), dashboards.sort());
    for (const file of dashboards) assert.equal(configMap.data[file], readFileSync(join(dir, file), 'utf8'));
    assert.equal(configMap.metadata.labels?.grafana_dashboard, '1');
  });
});

function servicesOf(overlay: string, objects: K8sObject[]): void {
  it(`given ${overlay}, when rendered, then each service has a Deployment, Service and PDB on its descriptor's port`, () => {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget'])
      assert.deepEqual(
        ofKind(objects, kind)
          .map((o) => o.metadata.name)
          .sort(),
        SERVICE_NAMES,
        kind,
      );
    for (const { service, defaultHttpPort } of DEPLOYED_SERVICES) {
      const template = podTemplateOf(
        objects.find((o) => o.kind === 'Deployment' && o.metadata.name === service)!,
      );
      const main = template.spec.containers[0];
      assert.deepEqual(main.command, ['node', `dist/apps/${service}/src/main.js`]);
      assert.deepEqual(main.ports, [{ name: 'http', containerPort: defaultHttpPort }], service);
      assert.equal(template.metadata.annotations['prometheus.io/port'], String(defaultHttpPort));
      assert.equal(template.metadata.annotations['prometheus.io/scrape'], 'true');
      assert.equal(main.readinessProbe.httpGet.path, '/health/ready', service);
      assert.equal(main.livenessProbe.httpGet.path, '/health/live', service);
      const port = objects.find((o) => o.kind === 'Service' && o.metadata.name === service)!.spec.ports[0];
      assert.deepEqual([port.port, port.targetPort], [defaultHttpPort, 'http'], service);
    }
  });
}

/** The API asks every instance for its halts: each CLEARING_SERVICE_URLS host must resolve to every pod. */
function instancesReachedOf(overlay: string, objects: K8sObject[]): void {
  it(`given ${overlay}, when the API's CLEARING_SERVICE_URLS is read, then each names a headless Service on its port`, () => {
    const api = containersOf(
      objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'clearing-api')!,
    ).find((c) => c.name === 'clearing-api');
    const raw = api.env.find((e: { name: string }) => e.name === 'CLEARING_SERVICE_URLS').value as string;
    const entries = raw.split(',').map((entry) => entry.split('='));
    assert.deepEqual(
      entries.map(([service]) => service).sort(),
      SERVICE_NAMES.filter((s) => s !== 'clearing-api'),
    );
    for (const [service, url] of entries) {
      const { hostname, port } = new URL(url);
      const target = objects.find((o) => o.kind === 'Service' && o.metadata.name === hostname);
      assert.equal(target?.spec.clusterIP, 'None', `${hostname} is headless`);
      assert.equal(target?.spec.ports[0].port, Number(port), service);
    }
  });
}

/** Postgres over TLS, the server checked against CloudNativePG's CA, by every pod that reads DATABASE_URL. */
function postgresTlsOf(overlay: string, objects: K8sObject[]): void {
  it(`given ${overlay}, when a pod connects to Postgres, then it verifies the server against the mounted cluster CA`, () => {
    const env = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'clearing-env')!;
    const url = new URL(env.data.DATABASE_URL);
    assert.equal(url.searchParams.get('sslmode'), 'verify-full');
    const caFile = url.searchParams.get('sslrootcert')!;
    const cluster = objects.find((o) => o.kind === 'Cluster')!.metadata.name;
    for (const workload of workloads(objects)) {
      const volumes = podTemplateOf(workload).spec.volumes ?? [];
      const readers = containersOf(workload).filter((c) =>
        (c.envFrom ?? []).some(
          (e: { configMapRef?: { name: string } }) => e.configMapRef?.name === 'clearing-env',
        ),
      );
      for (const container of readers) {
        const mount = (container.volumeMounts ?? []).find(
          (m: { mountPath: string }) => caFile === `${m.mountPath}/ca.crt`,
        );
        const volume = volumes.find((v: { name: string }) => v.name === mount?.name);
        assert.equal(
          volume?.secret?.secretName,
          `${cluster}-ca`,
          `${workload.metadata.name}/${container.name}`,
        );
      }
    }
  });
}

function selectorsOf(overlay: string, objects: K8sObject[]): void {
  it(`given ${overlay}, when selectors are read, then each selects exactly its own pods`, () => {
    for (const deployment of ofKind(objects, 'Deployment'))
      assert.ok(selects(deployment.spec.selector.matchLabels, podTemplateOf(deployment).metadata.labels));
    for (const selecting of [...ofKind(objects, 'Service'), ...ofKind(objects, 'PodDisruptionBudget')]) {
      const selector = selecting.spec.selector.matchLabels ?? selecting.spec.selector;
      const matched = templateLabels(objects).filter((labels) => selects(selector, labels));
      assert.equal(matched.length, 1, `${selecting.kind} ${selecting.metadata.name}`);
      assert.equal(matched[0]['app.kubernetes.io/name'], selecting.metadata.name);
    }
    for (const policy of ofKind(objects, 'NetworkPolicy')) {
      const selector = policy.spec.podSelector.matchLabels ?? {};
      const ours = Object.keys(selector).every((key) => key.startsWith('app.kubernetes.io/'));
      if (ours)
        assert.ok(
          templateLabels(objects).some((l) => selects(selector, l)),
          policy.metadata.name,
        );
    }
  });
}

function imagesOf(overlay: string, objects: K8sObject[]): void {
  it(`given ${overlay}, when images are set, then every clearing container runs package.json's version`, () => {
    const images = workloads(objects).flatMap((w) => containersOf(w).map((c) => c.image as string));
    const clearing = images.filter((image) => /(^|\/)clearing:/.test(image));
    assert.equal(clearing.length, images.length, 'only the clearing image runs in the workloads');
    for (const image of clearing) assert.equal(image.split(':').pop(), releaseVersion(root), image);
  });
}

function lockdownOf(overlay: string, objects: K8sObject[]): void {
  it(`given ${overlay}, when pods start, then they are locked down and wait for the schema`, () => {
    for (const workload of workloads(objects)) {
      const spec = podTemplateOf(workload).spec;
      const name = workload.metadata.name;
      assert.equal(spec.securityContext.runAsNonRoot, true, name);
      assert.equal(spec.securityContext.seccompProfile.type, 'RuntimeDefault', name);
      assert.equal(spec.automountServiceAccountToken, false, name);
      const tmp = spec.volumes.find((v: { name: string }) => v.name === 'tmp');
      assert.ok(tmp?.emptyDir, `${name}: an emptyDir for /tmp`);
      for (const container of containersOf(workload)) {
        const context = container.securityContext;
        assert.deepEqual(
          [context.readOnlyRootFilesystem, context.allowPrivilegeEscalation, context.capabilities.drop],
          [true, false, ['ALL']],
          `${name}/${container.name}`,
        );
        assert.ok(container.resources.requests.cpu && container.resources.limits.memory, container.name);
        assert.ok(container.volumeMounts.some((m: { mountPath: string }) => m.mountPath === '/tmp'));
      }
    }
    const [job] = ofKind(objects, 'Job');
    assert.deepEqual(job.spec.template.spec.containers[0].command.slice(-2), ['db', 'migrate']);
    for (const deployment of ofKind(objects, 'Deployment')) {
      const [init] = podTemplateOf(deployment).spec.initContainers;
      assert.deepEqual(
        init.command,
        ['node', 'apps/cli/bin/clearing.js', 'db', 'wait'],
        deployment.metadata.name,
      );
      assert.equal(init.image, job.spec.template.spec.containers[0].image);
    }
  });
}
