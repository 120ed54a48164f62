import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MIGRATIONS } from '../../../../migrations';
import {
  DatabaseFixture,
  decodeSample,
  eventually,
  KafkaFixture,
  publishRaw,
  readCommitted,
  sampleMessages,
  SampleMessage,
  uniqueName,
} from '@clearing/testing';
import { DecodedBatch, OutboundMessage } from '../messages';
import { KafkaBatchContext, KafkaBatchTransport } from './kafka-batch.transport';
import { loopReadinessCheck } from './loop-readiness';

describe('KafkaBatchTransport: the loop as a NestJS microservice', () => {
  const kafka = new KafkaFixture();
  const database = new DatabaseFixture(MIGRATIONS);
  after(async () => {
    await kafka.close();
    await database.close();
  });

  it('hands each @EventPattern handler whole batches and publishes what it returns, exactly once', async () => {
    const [input, output] = await kafka.topics(
      { name: 'nest-in', partitions: 2, withDeadLetterTopic: true },
      { name: 'nest-out', partitions: 2 },
    );
    const batchSizes: number[] = [];
    @Controller()
    class EchoHandler {
      @EventPattern(input)
      async onBatch(@Payload() batch: DecodedBatch<SampleMessage>): Promise<OutboundMessage[]> {
        batchSizes.push(batch.messages.length);
        return batch.messages.map((m) => ({ topic: output, key: m.key, value: m.value.id }));
      }
    }
    @Module({ controllers: [EchoHandler] })
    class EchoModule {}
    const transport = new KafkaBatchTransport({
      mode: 'transform',
      kafka: kafka.kafka,
      groupId: uniqueName('g'),
      decode: decodeSample,
    });
    const app = await NestFactory.createMicroservice(EchoModule, { strategy: transport, logger: false });
    await app.listen();

    await publishRaw(kafka.kafka, input, sampleMessages(500));
    await eventually(
      async () => ((await readCommitted(kafka.kafka, output)).length >= 500 ? true : undefined),
      60_000,
      1_000,
    );
    const readiness = await loopReadinessCheck(() => transport.loopStatus())();
    assert.equal(readiness.up, true);
    assert.deepEqual(readiness.detail.haltedPartitions, []);
    await app.close();

    assert.equal((await readCommitted(kafka.kafka, output)).length, 500);
    assert.ok(
      batchSizes.some((size) => size > 1),
      'the handler was called per message, not per batch',
    );
    assert.equal(transport.loopStatus().running, false);
  });

  it('gives projection handlers the database transaction the offsets commit in', async () => {
    const ds = await database.open();
    await ds.query('CREATE TABLE seen (id text NOT NULL)');
    const [input] = await kafka.topics({ name: 'nest-proj', partitions: 1 });
    @Controller()
    class ProjectHandler {
      @EventPattern(input)
      async onBatch(
        @Payload() batch: DecodedBatch<SampleMessage>,
        @Ctx() ctx: KafkaBatchContext,
      ): Promise<void> {
        await ctx.db!.query('INSERT INTO seen SELECT unnest($1::text[])', [
          batch.messages.map((m) => m.value.id),
        ]);
      }
    }
    @Module({ controllers: [ProjectHandler] })
    class ProjectModule {}
    const transport = new KafkaBatchTransport({
      mode: 'projection',
      kafka: kafka.kafka,
      groupId: uniqueName('g'),
      decode: decodeSample,
      dataSource: ds,
    });
    const app = await NestFactory.createMicroservice(ProjectModule, { strategy: transport, logger: false });
    await app.listen();
    await publishRaw(kafka.kafka, input, sampleMessages(100));
    const [{ count }] = await eventually(async () => {
      const rows: { count: string }[] = await ds.query('SELECT count(*) FROM seen');
      return rows[0].count === '100' ? rows : undefined;
    });
    await app.close();
    assert.equal(count, '100');
  });
});
