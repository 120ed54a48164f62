import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { COMMANDS } from '../commands';
import { DEPLOYED_SERVICES, releaseVersion } from '@clearing/config';
import { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS, databaseName, parseHostPort } from './endpoints';
import { KAFKA_TUNING } from './kafka-config';
import { readKafkaVersion } from './kafka-jars';
import { infraPaths } from './paths';
import { variablesReadBy } from './service-env';

/** docker-compose.yml cannot run on this machine (no Docker engine), so this keeps it in step with the code. */
const paths = infraPaths();
const root = paths.repoRoot;
// merge: compose honours YAML merge keys (`<<: *clearing-image`), and so must this reading of it.
const readYaml = (relative: string) => parse(readFileSync(join(root, relative), 'utf8'), { merge: true });
const compose = readYaml('docker-compose.yml');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const service = (name: string): any => compose.services[name];
const ONE_SHOTS = { migrate: ['db', 'migrate'], topics: ['topics', 'create'] };
const CLI = 'apps/cli/bin/clearing.js';

/** Container ports published as `127.0.0.1:HOST:CONTAINER`, as [host, container] pairs. */
const publishedPorts = (name: string): number[][] =>
  (service(name).ports as string[]).map((mapping) => mapping.split(':').slice(-2).map(Number));
const advertised = (listener: string) =>
  service('kafka')
    .environment.KAFKA_ADVERTISED_LISTENERS.split(',')
    .find((l: string) => l.startsWith(`${listener}://`));

describe('docker-compose.yml: the infrastructure, as the native setup runs it', () => {
  it('given the pom pin, when compose runs Kafka, then it is the official image of the same version and tuning', () => {
    assert.equal(service('kafka').image, `apache/kafka:${readKafkaVersion(paths.kafkaPom)}`);
    const environment = service('kafka').environment;
    for (const [key, value] of Object.entries(KAFKA_TUNING)) {
      const name = `KAFKA_${key.toUpperCase().replace(/\./g, '_')}`;
      assert.equal(String(environment[name]), String(value), name);
    }
  });

  it('given the native defaults, when tools on the host connect, then Kafka and Postgres answer at the same addresses', () => {
    const kafka = parseHostPort(DEFAULT_KAFKA_BROKERS);
    assert.deepEqual(publishedPorts('kafka'), [[kafka.port, kafka.port]]);
    assert.equal(advertised('PLAINTEXT'), `PLAINTEXT://${DEFAULT_KAFKA_BROKERS}`);
    const postgresPort = Number(new URL(DEFAULT_DATABASE_URL).port);
    assert.deepEqual(publishedPorts('postgres'), [[postgresPort, postgresPort]]);
    assert.equal(service('postgres').environment.POSTGRES_DB, databaseName(DEFAULT_DATABASE_URL));
    assert.match(service('postgres').image, /^postgres:15/);
  });

  it('given the bind mounts, when compose starts, then every mounted repo path exists', () => {
    const mounts = Object.values(compose.services).flatMap(
      (s) => (s as { volumes?: string[] }).volumes ?? [],
    );
    const repoPaths = mounts.filter((mount) => mount.startsWith('./')).map((mount) => mount.split(':')[0]);
    assert.ok(repoPaths.length >= 3);
    for (const repoPath of repoPaths) assert.ok(existsSync(join(root, repoPath)), repoPath);
  });

  it('given Grafana provisioning, when it starts, then Prometheus is its datasource and dashboards load from the mount', () => {
    const datasources = readYaml('deploy/grafana/provisioning/datasources/prometheus.yml').datasources;
    assert.deepEqual(
      datasources.map((d: { type: string; url: string }) => [d.type, d.url]),
      [['prometheus', `http://prometheus:${publishedPorts('prometheus')[0][1]}`]],
    );
    const provider = readYaml('deploy/grafana/provisioning/dashboards/clearing.yml').providers[0];
    const mount = (service('grafana').volumes as string[]).find((v) =>
      v.startsWith('./deploy/grafana/dashboards'),
    );
    assert.equal(mount?.split(':')[1], provider.options.path);
  });
});

describe('docker-compose.yml: the clearing image, its steps and the five services', () => {
  it('given the release, when compose builds, then every clearing container is the Dockerfile image at the version', () => {
    for (const name of [...Object.keys(ONE_SHOTS), ...DEPLOYED_SERVICES.map((s) => s.service)]) {
      assert.equal(service(name).image, `clearing:${releaseVersion(root)}`, name);
      assert.ok(existsSync(join(root, service(name).build.context, service(name).build.dockerfile)), name);
    }
  });

  it('given the CLI, when the one-shot steps run, then they run commands it has, with variables it reads', () => {
    const cliReads = variablesReadBy(root, 'cli');
    for (const [name, args] of Object.entries(ONE_SHOTS)) {
      assert.deepEqual(service(name).command, ['node', CLI, ...args]);
      const command = COMMANDS.find((c) => c.name === args[0]);
      assert.match(command?.usage ?? '', new RegExp(`\\b${args[1]}\\b`), name);
      for (const variable of Object.keys(service(name).environment))
        assert.ok(cliReads.has(variable), variable);
    }
  });

  for (const { service: name, defaultHttpPort: port } of DEPLOYED_SERVICES) {
    it(`given ${name}, when compose starts it, then command, port, health check and every variable match its code`, () => {
      const container = service(name);
      assert.deepEqual(container.command, ['node', `dist/apps/${name}/src/main.js`]);
      assert.deepEqual(publishedPorts(name), [[port, port]]);
      assert.equal(container.environment.HTTP_PORT ?? String(port), String(port));
      assert.ok(container.healthcheck.test.join(' ').includes(`127.0.0.1:${port}/health/ready`), name);
      const read = variablesReadBy(root, name);
      for (const variable of Object.keys(container.environment))
        assert.ok(read.has(variable), `${name}: ${variable}`);
      assert.equal(`DOCKER://${container.environment.KAFKA_BROKERS}`, advertised('DOCKER'));
      const database = new URL(container.environment.DATABASE_URL);
      assert.equal(database.host, `postgres:${publishedPorts('postgres')[0][1]}`);
      assert.equal(databaseName(database.href), service('postgres').environment.POSTGRES_DB);
    });
  }

  it('given the topic namespace, when the topics step provisions, then the services read the same topic names', () => {
    // The step creates SYSTEM_TOPICS under its CLEARING_TOPIC_NAMESPACE; a service under another would
    // find none of its topics (the broker auto-creates nothing).
    const namespaces = [...Object.keys(ONE_SHOTS), ...DEPLOYED_SERVICES.map((s) => s.service)].map(
      (name) => service(name).environment.CLEARING_TOPIC_NAMESPACE,
    );
    assert.deepEqual(new Set(namespaces), new Set([service('topics').environment.CLEARING_TOPIC_NAMESPACE]));
    assert.equal(service('kafka').environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE, 'false');
  });

  it('given the start order, when compose starts, then services wait for the steps and for healthy upstreams, without a cycle', () => {
    const dependsOn = (name: string): Record<string, { condition: string }> => service(name).depends_on ?? {};
    for (const { service: name } of DEPLOYED_SERVICES) {
      for (const step of Object.keys(ONE_SHOTS))
        assert.equal(
          dependsOn(name)[step]?.condition,
          'service_completed_successfully',
          `${name} after ${step}`,
        );
      for (const [upstream, { condition }] of Object.entries(dependsOn(name)))
        if (condition === 'service_healthy') assert.ok(service(upstream).healthcheck, upstream);
    }
    const visit = (name: string, path: string[]): void => {
      assert.ok(!path.includes(name), `cycle ${[...path, name].join(' -> ')}`);
      for (const upstream of Object.keys(dependsOn(name))) visit(upstream, [...path, name]);
    };
    for (const name of Object.keys(compose.services)) visit(name, []);
  });

  addressesTest();
});

function addressesTest(): void {
  it('given the services, when one calls another or Prometheus scrapes, then each address is a compose service on its port', () => {
    const ports = new Map(DEPLOYED_SERVICES.map((s) => [s.service, s.defaultHttpPort]));
    const urls = service('clearing-api')
      .environment.CLEARING_SERVICE_URLS.split(',')
      .map((e: string) => e.split('='));
    for (const [name, url] of [
      ...urls,
      ['margin-calculator', service('margin-calculator').environment.ADVERTISED_URL],
    ])
      assert.equal(url, `http://${name}:${ports.get(name)}`);
    const prometheus = readYaml('deploy/prometheus/prometheus.yml');
    const scraped = prometheus.scrape_configs.map(
      (job: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }) => {
        assert.equal(job.metrics_path, '/metrics', job.job_name);
        return [job.job_name, job.static_configs[0].targets[0]];
      },
    );
    assert.deepEqual(
      scraped,
      DEPLOYED_SERVICES.map((s) => [s.service, `${s.service}:${s.defaultHttpPort}`]),
    );
  });
}
