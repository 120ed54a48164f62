import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  decodeSample,
  eventually,
  KafkaFixture,
  publishRaw,
  readCommitted,
  RecordingMetrics,
  SampleMessage,
  sampleMessages,
  uniqueName,
} from '@clearing/testing';
import { DecodedBatch, OutboundMessage } from '../messages';
import { BatchHandler } from './domain-errors.filter';
import { KafkaBatchTransport } from './kafka-batch.transport';
import { loopReadinessCheck } from './loop-readiness';

/** What a ledger invariant breach looks like from a domain lib (recognised by name, see partition-halt.ts). */
class SequenceGapError extends Error {
  override readonly name = 'SequenceGapError';
}

describe('a broken ledger invariant halts its partition, through the Nest layer', () => {
  const kafka = new KafkaFixture();
  after(() => kafka.close());

  it('halts exactly the poisoned partition, keeps the others flowing, fails readiness and exports the metric', async () => {
    const [input, output] = await kafka.topics(
      { name: 'halt-in', partitions: 2, withDeadLetterTopic: true },
      { name: 'halt-out', partitions: 2 },
    );
    @BatchHandler()
    class GapHandler {
      @EventPattern(input)
      async onBatch(@Payload() batch: DecodedBatch<SampleMessage>): Promise<OutboundMessage[]> {
        if (batch.messages.some((m) => m.value.id === 'poison'))
          throw new SequenceGapError('account acct-1: sequence 9 after 7');
        return batch.messages.map((m) => ({ topic: output, key: m.key, value: m.value.id }));
      }
    }
    @Module({ controllers: [GapHandler] })
    class GapModule {}
    const metrics = new RecordingMetrics();
    const transport = new KafkaBatchTransport({
      mode: 'transform',
      kafka: kafka.kafka,
      groupId: uniqueName('g'),
      decode: decodeSample,
      metrics,
    });
    const app = await NestFactory.create(GapModule, { logger: false });
    app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    try {
      // Given a poisoned message on partition 0 and healthy traffic on partition 1
      const poison = { key: 'p', value: JSON.stringify({ id: 'poison', amount: '1' }), partition: 0 };
      const healthy = sampleMessages(60).map((m) => ({ ...m, partition: 1 }));
      await publishRaw(kafka.kafka, input, [poison, ...healthy.slice(0, 30)]);

      // Then partition 0 is halted (not retried into a crash loop) and readiness says so
      await eventually(async () => (transport.loopStatus().haltedPartitions.length > 0 ? true : undefined));
      assert.deepEqual(transport.loopStatus().haltedPartitions, [`${input}:0`]);
      assert.ok(metrics.haltedPartitions.has(`${input}:0`));
      assert.equal((await loopReadinessCheck(() => transport.loopStatus())()).up, false);

      // And partition 1 keeps flowing, also after the halt
      await publishRaw(kafka.kafka, input, healthy.slice(30));
      const delivered = await eventually(async () => {
        const records = await readCommitted(kafka.kafka, output);
        return records.length >= 60 ? records : undefined;
      }, 60_000);
      assert.equal(delivered.length, 60);
      assert.deepEqual(transport.loopStatus().haltedPartitions, [`${input}:0`]);
      assert.equal(transport.loopStatus().running, true);
    } finally {
      await app.close();
    }
  });
});

describe('an operator resumes a halted partition after a fix', () => {
  const kafka = new KafkaFixture();
  after(() => kafka.close());

  it('given a halted partition and a fixed handler, when an operator resumes it, then the bad batch is read again and flows', async () => {
    const [input, output] = await kafka.topics(
      { name: 'resume-in', partitions: 1, withDeadLetterTopic: true },
      { name: 'resume-out', partitions: 1 },
    );
    let fixed = false;
    @BatchHandler()
    class FixableHandler {
      @EventPattern(input)
      async onBatch(@Payload() batch: DecodedBatch<SampleMessage>): Promise<OutboundMessage[]> {
        if (!fixed && batch.messages.some((m) => m.value.id === 'poison'))
          throw new SequenceGapError('account acct-1: sequence 9 after 7');
        return batch.messages.map((m) => ({ topic: output, key: m.key, value: m.value.id }));
      }
    }
    @Module({ controllers: [FixableHandler] })
    class FixableModule {}
    const metrics = new RecordingMetrics();
    const transport = new KafkaBatchTransport({
      mode: 'transform',
      kafka: kafka.kafka,
      groupId: uniqueName('g'),
      decode: decodeSample,
      metrics,
    });
    const app = await NestFactory.create(FixableModule, { logger: false });
    app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    try {
      // Given the partition halted on a poisoned message
      const poison = { key: 'p', value: JSON.stringify({ id: 'poison', amount: '1' }) };
      await publishRaw(kafka.kafka, input, [poison, ...sampleMessages(5)]);
      await eventually(async () => (transport.loopStatus().haltedPartitions.length > 0 ? true : undefined));
      assert.equal(await transport.resumeHalted(input, 1), false, 'a partition that is not halted');

      // When the fix is deployed (here: the handler stops throwing) and an operator resumes the partition
      fixed = true;
      assert.equal(await transport.resumeHalted(input, 0), true);

      // Then everything from the poisoned batch on is delivered once, and the halt is gone everywhere
      const delivered = await eventually(async () => {
        const records = await readCommitted(kafka.kafka, output);
        return records.length >= 6 ? records : undefined;
      }, 60_000);
      assert.deepEqual(
        delivered.map((r) => r.value!.toString()),
        ['poison', ...sampleMessages(5).map((m) => (JSON.parse(m.value) as { id: string }).id)],
      );
      assert.deepEqual(transport.loopStatus().haltedPartitions, []);
      assert.equal(metrics.haltedPartitions.size, 0);
      await eventually(async () =>
        (await loopReadinessCheck(() => transport.loopStatus())()).up ? true : undefined,
      );
    } finally {
      await app.close();
    }
  });
});
