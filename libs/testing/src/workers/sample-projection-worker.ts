/**
 * A separate process running the Kafka -> Postgres exactly-once loop on sample messages, so crash
 * tests can SIGKILL it at any instant. Configured by environment: WORKER_TOPIC, WORKER_GROUP,
 * WORKER_SCHEMA, plus KAFKA_BROKERS / DATABASE_URL / CLEARING_FAILPOINT.
 */
import { logLevel } from 'kafkajs';
import { databaseUrlFromEnv, kafkaBrokersFromEnv } from '@clearing/config';
import { createKafka, projectionLoop } from '@clearing/kafka';
import { createDataSource } from '@clearing/persistence';
import { decodeSample, SampleMessage } from '../sample-messages';
import { CRASH_TEST_LOOP_SETTINGS, runWorker } from './run-worker';
import { DecodedBatch } from '@clearing/kafka';
import { EntityManager } from 'typeorm';

async function project(batch: DecodedBatch<SampleMessage>, db: EntityManager): Promise<void> {
  const ids = batch.messages.map((m) => m.value.id);
  const amounts = batch.messages.map((m) => m.value.amount);
  const offsets = batch.messages.map((m) => m.offset);
  await db.query(
    `INSERT INTO sample_projection (id, amount, source_offset)
     SELECT * FROM unnest($1::text[], $2::numeric[], $3::bigint[])`,
    [ids, amounts, offsets],
  );
  await db.query(
    `UPDATE sample_totals SET message_count = message_count + $1, amount_sum = amount_sum + (SELECT sum(a) FROM unnest($2::numeric[]) a) WHERE name = 'all'`,
    [ids.length, amounts],
  );
}

runWorker(async () => {
  const env = process.env;
  const dataSource = createDataSource({ url: databaseUrlFromEnv(), schema: env.WORKER_SCHEMA, poolSize: 2 });
  await dataSource.initialize();
  const kafka = createKafka({
    clientId: 'sample-worker',
    brokers: kafkaBrokersFromEnv(),
    level: logLevel.ERROR,
  });
  const loop = projectionLoop<SampleMessage>({
    ...CRASH_TEST_LOOP_SETTINGS,
    kafka,
    groupId: env.WORKER_GROUP!,
    topics: [env.WORKER_TOPIC!],
    decode: decodeSample,
    dataSource,
    project,
  });
  return { loop, close: () => dataSource.destroy() };
});
