import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DEPLOYED_SERVICES } from '@clearing/config';
import { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS, databaseName, parseHostPort } from './endpoints';
import { KAFKA_TUNING } from './kafka-config';
import { readKafkaVersion } from './kafka-jars';
import { infraPaths } from './paths';

/** docker-compose.yml cannot run on this machine, so this keeps it in step with the native `infra up`. */
const paths = infraPaths();
const root = paths.repoRoot;
const readYaml = (relative: string) => parse(readFileSync(join(root, relative), 'utf8'));
const compose = readYaml('docker-compose.yml');
const service = (name: string) => compose.services[name];

/** Host port of a `127.0.0.1:HOST:CONTAINER` (or `HOST:CONTAINER`) mapping. */
const hostPorts = (name: string): number[] =>
  (service(name).ports as string[]).map((mapping) => Number(mapping.split(':').slice(-2)[0]));

/** What the five services' /metrics must be scraped at: their default HTTP ports. */
const SERVICE_PORTS = Object.fromEntries(DEPLOYED_SERVICES.map((s) => [s.service, s.defaultHttpPort]));

describe('docker-compose.yml against the native infrastructure', () => {
  it('given the pom pin, when compose runs Kafka, then it is the official image of the same version', () => {
    assert.equal(service('kafka').image, `apache/kafka:${readKafkaVersion(paths.kafkaPom)}`);
  });

  it('given the env names the services read, when compose documents them, then they equal the native defaults', () => {
    assert.deepEqual(compose['x-host-environment'], {
      KAFKA_BROKERS: DEFAULT_KAFKA_BROKERS,
      DATABASE_URL: DEFAULT_DATABASE_URL,
    });
  });

  it('given the default addresses, when compose publishes ports, then Kafka and Postgres use the same ones', () => {
    const kafkaPort = parseHostPort(DEFAULT_KAFKA_BROKERS).port;
    assert.deepEqual(hostPorts('kafka'), [kafkaPort]);
    assert.match(service('kafka').environment.KAFKA_ADVERTISED_LISTENERS, new RegExp(`:${kafkaPort}$`));
    assert.deepEqual(hostPorts('postgres'), [Number(new URL(DEFAULT_DATABASE_URL).port)]);
    assert.equal(service('postgres').environment.POSTGRES_DB, databaseName(DEFAULT_DATABASE_URL));
    assert.match(service('postgres').image, /^postgres:15/);
    assert.deepEqual(hostPorts('prometheus'), [9090]);
    assert.deepEqual(hostPorts('grafana'), [3030]);
  });

  it('given the native broker tuning, when compose configures Kafka, then every setting is the same', () => {
    const environment = service('kafka').environment;
    for (const [key, value] of Object.entries(KAFKA_TUNING)) {
      const name = `KAFKA_${key.toUpperCase().replace(/\./g, '_')}`;
      assert.equal(String(environment[name]), String(value), name);
    }
  });

  it('given the five services, when Prometheus is configured, then each is scraped at /metrics on its port', () => {
    const prometheus = readYaml('deploy/prometheus/prometheus.yml');
    const scraped = Object.fromEntries(
      prometheus.scrape_configs.map(
        (job: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }) => {
          assert.equal(job.metrics_path, '/metrics', job.job_name);
          return [job.job_name, parseHostPort(job.static_configs[0].targets[0]).port];
        },
      ),
    );
    assert.deepEqual(scraped, SERVICE_PORTS);
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
      [['prometheus', 'http://prometheus:9090']],
    );
    const provider = readYaml('deploy/grafana/provisioning/dashboards/clearing.yml').providers[0];
    const dashboardMount = (service('grafana').volumes as string[]).find((v) =>
      v.startsWith('./deploy/grafana/dashboards'),
    );
    assert.equal(dashboardMount?.split(':')[1], provider.options.path);
  });
});
