import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKafka } from './kafka-client';
import { idempotentProducer } from './transactional-producers';

describe('idempotent producers as kafkajs requires for exactly-once', () => {
  it('given a transactional or plain idempotent producer, then kafkajs does not warn that capped retries may invalidate EOS', () => {
    const warnings: string[] = [];
    const kafka = createKafka({
      clientId: 'eos-check',
      brokers: ['127.0.0.1:1'],
      log: (level, message) => void (level === 'warn' && warnings.push(message)),
    });
    idempotentProducer(kafka);
    idempotentProducer(kafka, 'writer.ledger.commands.v1.0');
    assert.deepEqual(
      warnings.filter((w) => /Limiting retries/.test(w)),
      [],
    );
  });
});
