import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  decodeSample,
  eventually,
  KafkaFixture,
  MALFORMED_VALUES,
  publishRaw,
  readCommitted,
  RecordingMetrics,
  sampleMessages,
  SampleMessage,
  uniqueName,
} from '@clearing/testing';
import { DLQ_HEADERS } from '@clearing/contracts';
import { transformLoop } from './loops';

describe('transform loop: Kafka -> Kafka in one transaction per batch', () => {
  const fixture = new KafkaFixture();
  let input: string;
  let output: string;
  before(async () => {
    [input, output] = await fixture.topics(
      { name: 'in', partitions: 3, withDeadLetterTopic: true },
      { name: 'out', partitions: 3 },
    );
  });
  after(() => fixture.close());

  it('publishes one output per valid input and dead-letters malformed ones with reason and source', async () => {
    // Given an upstream engine that published 300 good messages and a handful of garbage
    const good = sampleMessages(300);
    const bad = MALFORMED_VALUES.map((value, i) => ({ key: `bad-${i}`, value }));
    await publishRaw(fixture.kafka, input, [...good.slice(0, 150), ...bad, ...good.slice(150)]);

    // When the loop transforms the topic
    const metrics = new RecordingMetrics();
    const loop = transformLoop<SampleMessage>({
      kafka: fixture.kafka,
      groupId: uniqueName('g'),
      topics: [input],
      decode: decodeSample,
      metrics,
      transform: async (batch) =>
        batch.messages.map((m) => ({ topic: output, key: m.key, value: m.value.id })),
    });
    await loop.start();
    const total = good.length + bad.length;
    await eventually(async () => (metrics.total(metrics.consumedByTopic) === total ? true : undefined));
    await loop.stop();

    // Then every good message came out exactly once, and in = accepted + rejected
    const outputs = await readCommitted(fixture.kafka, output);
    assert.deepEqual(
      outputs.map((m) => m.value!.toString()).sort(),
      good.map((g) => JSON.parse(g.value).id).sort(),
    );
    const deadLetters = await readCommitted(fixture.kafka, `${input}.dlq`);
    assert.equal(deadLetters.length, bad.length);
    assert.equal(metrics.total(metrics.consumedByTopic), outputs.length + deadLetters.length);

    // And each dead letter carries the original bytes, why it was refused, and where it came from
    for (const letter of deadLetters) {
      const original = bad.find((b) => b.key === letter.key!.toString())!;
      assert.deepEqual(letter.value, Buffer.from(original.value));
      assert.ok(letter.headers![DLQ_HEADERS.reason]!.toString().length > 0);
      assert.equal(letter.headers![DLQ_HEADERS.sourceTopic]!.toString(), input);
      assert.match(letter.headers![DLQ_HEADERS.sourceOffset]!.toString(), /^\d+$/);
    }
    assert.deepEqual([...metrics.deadLetteredByCode.keys()].sort(), ['empty', 'not-json', 'schema']);
  });
});
