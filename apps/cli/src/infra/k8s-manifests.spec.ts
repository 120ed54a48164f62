import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { DEPLOYED_SERVICES } from '@clearing/config';
import { infraPaths } from './paths';

interface Manifest {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const k8sDir = join(infraPaths().repoRoot, 'k8s');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Every document of every YAML file under k8s/; a parse error fails the test that reads it. */
const manifests: Manifest[] = yamlFiles(k8sDir).flatMap((path) =>
  parseAllDocuments(readFileSync(path, 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0].message}`);
    const body = document.toJS();
    return { file: relative(k8sDir, path), kind: body.kind, name: body.metadata?.name, body };
  }),
);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const SERVICES = [
  'clearing-api',
  'position-aggregator',
  'valuation-oracle',
  'margin-calculator',
  'deleveraging-engine',
];

describe('k8s manifests', () => {
  it('given the five services, when deployed, then each has a Deployment and a Service', () => {
    assert.deepEqual(
      ofKind('Deployment')
        .map((d) => d.name)
        .sort(),
      [...SERVICES].sort(),
    );
    assert.deepEqual(
      ofKind('Service')
        .map((s) => s.name)
        .sort(),
      [...SERVICES].sort(),
    );
  });

  it('given every Deployment, when it runs, then each container has readiness and liveness probes and is scraped', () => {
    for (const deployment of ofKind('Deployment')) {
      const template = deployment.body.spec.template;
      const defaultPort = DEPLOYED_SERVICES.find((s) => s.service === deployment.name)?.defaultHttpPort;
      assert.equal(template.metadata.annotations['prometheus.io/port'], String(defaultPort), deployment.name);
      assert.equal(template.metadata.annotations['prometheus.io/scrape'], 'true', deployment.name);
      for (const container of template.spec.containers) {
        assert.equal(container.readinessProbe?.httpGet?.path, '/health/ready', deployment.name);
        assert.equal(container.livenessProbe?.httpGet?.path, '/health/live', deployment.name);
        const port = container.ports.find(
          (p: { name: string }) => p.name === container.readinessProbe.httpGet.port,
        );
        assert.equal(
          String(port?.containerPort),
          template.metadata.annotations['prometheus.io/port'],
          deployment.name,
        );
      }
    }
  });

  it('given the kustomization, when applied, then it lists every manifest file and nothing missing', () => {
    const kustomization = manifests.find((m) => m.file === 'kustomization.yaml');
    const listed = [...(kustomization?.body.resources as string[])].sort();
    const present = [
      ...new Set(manifests.filter((m) => m.file !== 'kustomization.yaml').map((m) => m.file)),
    ].sort();
    assert.deepEqual(listed, present);
  });

  it('given the shared config, when services start, then it provides KAFKA_BROKERS and DATABASE_URL', () => {
    const config = ofKind('ConfigMap').find((c) => c.name === 'clearing-env');
    assert.ok(config?.body.data.KAFKA_BROKERS);
    assert.ok(config?.body.data.DATABASE_URL);
  });

  it('given the operators, when applied, then Kafka runs in KRaft with 3 brokers and Postgres via CloudNativePG', () => {
    const kafka = ofKind('Kafka')[0];
    assert.equal(kafka.body.metadata.annotations['strimzi.io/kraft'], 'enabled');
    const pools = ofKind('KafkaNodePool').filter((p) => p.body.spec.roles.includes('broker'));
    assert.equal(
      pools.reduce((sum, p) => sum + p.body.spec.replicas, 0),
      3,
    );
    assert.equal(ofKind('Cluster')[0].body.apiVersion, 'postgresql.cnpg.io/v1');
  });

  it('given a release, when migrations run, then a Job runs `clearing db migrate`', () => {
    const job = ofKind('Job')[0];
    assert.deepEqual(job.body.spec.template.spec.containers[0].command, [
      'node',
      'apps/cli/bin/clearing.js',
      'db',
      'migrate',
    ]);
  });
});
