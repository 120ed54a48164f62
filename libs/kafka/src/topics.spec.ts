import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SYSTEM_TOPICS, TOPICS } from '@clearing/contracts';
import { topicConfigs } from './topics';

const configOf = (topic: string) => {
  const config = topicConfigs(SYSTEM_TOPICS).find((t) => t.topic === topic);
  return Object.fromEntries((config?.configEntries ?? []).map((e) => [e.name, e.value]));
};

describe('system topic configs', () => {
  it('given the journal, when created, then it is never deleted by age (verify and replay read it from offset 0)', () => {
    assert.deepEqual(configOf(TOPICS.ledgerJournal), { 'cleanup.policy': 'delete', 'retention.ms': '-1' });
  });

  it('given latest-value topics, inputs and their .dlq twins, when created, then compacted or plain as laid out', () => {
    assert.deepEqual(configOf(TOPICS.marks), { 'cleanup.policy': 'compact' });
    assert.deepEqual(configOf(TOPICS.fills), { 'cleanup.policy': 'delete' });
    assert.deepEqual(configOf(`${TOPICS.fills}.dlq`), { 'cleanup.policy': 'delete' });
    const twins = SYSTEM_TOPICS.filter((t) => t.withDeadLetterTopic).length;
    assert.equal(topicConfigs(SYSTEM_TOPICS).length, SYSTEM_TOPICS.length + twins);
  });
});
