import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { parse } from 'yaml';
import { SYSTEM_TOPICS, TOPIC_ACCESS, topicsFor } from '@clearing/contracts';
import { aclsFor, topicConfigs } from '@clearing/kafka';
import { K8S_DIR, ofKind, RENDERED } from './k8s-render';

const base = RENDERED.get('base')!;
const only = (kind: string) => {
  const [object, ...more] = ofKind(base, kind);
  assert.equal(more.length, 0, `one ${kind}`);
  return object;
};
/** The Strimzi release whose CRDs are checked in, and the Kafka versions it supports. */
const STRIMZI_DIR = join(K8S_DIR, 'schemas', 'strimzi-1.2.0');
const supportedKafka = (
  parse(readFileSync(join(STRIMZI_DIR, 'kafka-versions.yaml'), 'utf8')) as {
    version: string;
    supported: boolean;
  }[]
)
  .filter((v) => v.supported)
  .map((v) => v.version);

/** kafkajs' enum value to the name Strimzi's ACL rule uses. */
const name = <T extends Record<string, string | number>>(values: T, value: number) =>
  Object.keys(values).find((key) => values[key] === value)!;
const STRIMZI_RESOURCE: Record<string, string> = {
  TOPIC: 'topic',
  GROUP: 'group',
  TRANSACTIONAL_ID: 'transactionalId',
};

/** aclsFor's ACLs of one TOPIC_ACCESS row, as a Strimzi KafkaUser spells them. */
function strimziAcls(access: (typeof TOPIC_ACCESS)[number]) {
  const capitalized = (word: string) => word[0] + word.slice(1).toLowerCase();
  return aclsFor(access, undefined).map((acl) => ({
    resource: {
      type: STRIMZI_RESOURCE[name(AclResourceTypes, acl.resourceType)],
      name: acl.resourceName,
      patternType: acl.resourcePatternType === ResourcePatternTypes.PREFIXED ? 'prefix' : 'literal',
    },
    operations: [capitalized(name(AclOperationTypes, acl.operation))],
  }));
}

describe('k8s Kafka resources against the code', () => {
  it('given the topology, when Strimzi creates topics, then each topic and .dlq twin has its partitions and configs', () => {
    // What `clearing topics create` asks of a broker, plus the production replication the broker enforces.
    const wanted = topicConfigs(SYSTEM_TOPICS).map(({ topic, numPartitions, configEntries = [] }) => [
      topic,
      numPartitions,
      { ...Object.fromEntries(configEntries.map((e) => [e.name, e.value])), 'min.insync.replicas': '2' },
    ]);
    const declared = ofKind(base, 'KafkaTopic').map((t) => {
      assert.equal(t.spec.replicas, 3, t.metadata.name);
      const config = Object.fromEntries(Object.entries(t.spec.config).map(([k, v]) => [k, String(v)]));
      return [t.spec.topicName ?? t.metadata.name, t.spec.partitions, config];
    });
    assert.deepEqual(declared, wanted);
  });

  it('given TOPIC_ACCESS, when Strimzi creates users, then each principal has SCRAM and exactly aclsFor its row', () => {
    const users = new Map(ofKind(base, 'KafkaUser').map((u) => [u.metadata.name, u]));
    for (const access of TOPIC_ACCESS) {
      const user = users.get(access.principal);
      assert.equal(user?.spec.authentication.type, 'scram-sha-512', access.principal);
      const expected = strimziAcls(access);
      assert.deepEqual(user?.spec.authorization.acls, expected, access.principal);
    }
    const kafka = only('Kafka');
    const superUsers = kafka.spec.kafka.authorization.superUsers as string[];
    assert.deepEqual(
      [...users.keys()].sort(),
      [...TOPIC_ACCESS.map((a) => a.principal), ...superUsers].sort(),
    );
  });

  it('given the chosen Strimzi release, when Kafka is declared, then its API is v1 and its version is supported', () => {
    const kafka = only('Kafka');
    assert.equal(kafka.apiVersion, 'kafka.strimzi.io/v1');
    assert.ok(
      supportedKafka.includes(kafka.spec.kafka.version),
      `${kafka.spec.kafka.version} in ${supportedKafka}`,
    );
    const pools = ofKind(base, 'KafkaNodePool');
    for (const pool of [...pools, ...ofKind(base, 'KafkaTopic'), ...ofKind(base, 'KafkaUser')])
      assert.equal(pool.metadata.labels?.['strimzi.io/cluster'], kafka.metadata.name, pool.metadata.name);
    const replicas = (role: string) =>
      pools.filter((p) => p.spec.roles.includes(role)).reduce((sum, p) => sum + p.spec.replicas, 0);
    assert.deepEqual([replicas('broker'), replicas('controller')], [3, 3]);
  });

  it('given the services, when they connect, then KAFKA_BROKERS is the Kafka bootstrap Service on a SCRAM TLS listener', () => {
    const kafka = only('Kafka');
    const config = ofKind(base, 'ConfigMap').find((c) => c.metadata.name === 'clearing-env')!;
    const [host, port] = config.data.KAFKA_BROKERS.split(':');
    assert.equal(host, `${kafka.metadata.name}-kafka-bootstrap`);
    const listener = kafka.spec.kafka.listeners.find((l: { port: number }) => l.port === Number(port));
    assert.deepEqual([listener?.tls, listener?.authentication.type], [true, 'scram-sha-512']);
    assert.equal(config.data.KAFKA_SSL, 'true');
    assert.equal(config.data.KAFKA_SASL_MECHANISM, 'scram-sha-512');
  });

  hpaBoundsTest();
});

function hpaBoundsTest(): void {
  it('given the partition counts, when an HPA scales a consumer group, then it stops at the partitions it shares', () => {
    const topics = topicsFor(undefined);
    const partitionsOf = new Map(SYSTEM_TOPICS.map((t) => [t.topic as string, t.partitions]));
    for (const [overlay, objects] of RENDERED) {
      for (const hpa of ofKind(objects, 'HorizontalPodAutoscaler')) {
        const service = hpa.spec.scaleTargetRef.name;
        assert.ok(
          ofKind(objects, 'Deployment').some((d) => d.metadata.name === service),
          service,
        );
        const access = TOPIC_ACCESS.find((a) => a.principal === service)!;
        // The clearing API's Kafka readers are one group per instance (each reads everything): no bound.
        if (service === 'clearing-api') continue;
        const bound = Math.min(...access.reads.map((role) => partitionsOf.get(topics[role])!));
        assert.ok(hpa.spec.maxReplicas <= bound, `${overlay} ${service}: ${hpa.spec.maxReplicas} > ${bound}`);
      }
    }
  });
}
