import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DLQ_HEADERS, dlqTopicOf, TOPICS } from './topics';

describe('topics', () => {
  it('given every topic, then its name is unique and carries a major version suffix', () => {
    const names = Object.values(TOPICS);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) {
      assert.match(name, /^[a-z]+(\.[a-z]+)*\.v[1-9][0-9]*$/);
    }
  });

  it('given an input topic, then its dead-letter twin appends .dlq', () => {
    assert.equal(dlqTopicOf(TOPICS.fills), 'fills.v1.dlq');
    assert.equal(dlqTopicOf(TOPICS.ledgerCommands), 'ledger.commands.v1.dlq');
  });

  it('given the DLQ headers, then they are the documented names', () => {
    assert.deepEqual(Object.values(DLQ_HEADERS), [
      'dlq.reason',
      'dlq.reason.code',
      'dlq.source.topic',
      'dlq.source.partition',
      'dlq.source.offset',
    ]);
  });
});
