import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KAFKA_TUNING, kafkaServerProperties, scramFormatArgs } from './kafka-config';

const parseProperties = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('local Kafka server.properties', () => {
  const properties = parseProperties(
    kafkaServerProperties({
      host: '127.0.0.1',
      brokerPort: 9092,
      controllerPort: 9093,
      dataDir: '/x/.infra/kafka/data',
    }),
  );

  it('given the loopback address, when written, then broker and controller listen there and only there', () => {
    assert.equal(properties.get('listeners'), 'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    assert.equal(properties.get('advertised.listeners'), 'PLAINTEXT://127.0.0.1:9092');
    assert.equal(properties.get('controller.quorum.voters'), '1@127.0.0.1:9093');
  });

  it('given one node, when written, then it is a combined KRaft broker+controller keeping its log under .infra', () => {
    assert.equal(properties.get('process.roles'), 'broker,controller');
    assert.equal(properties.get('log.dirs'), '/x/.infra/kafka/data');
  });

  it('given a single broker, when written, then internal topics need one replica and topics are never auto-created', () => {
    for (const [key, value] of Object.entries(KAFKA_TUNING))
      assert.equal(properties.get(key), String(value), key);
    assert.equal(properties.get('transaction.state.log.min.isr'), '1');
    assert.equal(properties.get('auto.create.topics.enable'), 'false');
  });
});

describe('local Kafka server.properties with SASL', () => {
  const sasl = {
    superUser: { name: 'clearing-admin', password: 'admin-secret-1' },
    users: [{ name: 'margin-calculator', password: 'mc-secret-123' }],
  };
  const node = { host: '127.0.0.1', brokerPort: 19092, controllerPort: 19093, dataDir: '/tmp/k' };
  const properties = parseProperties(kafkaServerProperties({ ...node, sasl }));

  it('given SASL, when written, then clients must log in with SCRAM-SHA-512 and only ACLs grant access', () => {
    assert.equal(
      properties.get('listeners'),
      'SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
    );
    assert.equal(properties.get('listener.name.sasl_plaintext.sasl.enabled.mechanisms'), 'SCRAM-SHA-512');
    assert.equal(
      properties.get('authorizer.class.name'),
      'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    );
    assert.equal(properties.get('allow.everyone.if.no.acl.found'), 'false');
    assert.equal(properties.get('super.users'), 'User:clearing-admin');
  });

  it('given SASL, when formatting, then every user gets a SCRAM-SHA-512 credential', () => {
    assert.deepEqual(scramFormatArgs(sasl), [
      '--add-scram',
      'SCRAM-SHA-512=[name=clearing-admin,password=admin-secret-1]',
      '--add-scram',
      'SCRAM-SHA-512=[name=margin-calculator,password=mc-secret-123]',
    ]);
    assert.deepEqual(scramFormatArgs(undefined), []);
  });

  it('given a password that would break the JAAS line, when written, then it is refused', () => {
    const quote = { ...sasl, users: [{ name: 'x', password: 'a"; evil=1' }] };
    assert.throws(() => kafkaServerProperties({ ...node, sasl: quote }), /must be \[A-Za-z0-9._-\]/);
  });
});
