import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KAFKA_TUNING, kafkaServerProperties } from './kafka-config';

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
