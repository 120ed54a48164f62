/**
 * A separate process running the Kafka -> Kafka exactly-once loop on sample messages (each input
 * becomes one output carrying the input id), so crash tests can SIGKILL it at any instant.
 * Configured by WORKER_TOPIC, WORKER_OUTPUT_TOPIC, WORKER_GROUP, KAFKA_BROKERS, CLEARING_FAILPOINT and
 * WORKER_SESSION_TIMEOUT_MS (the crash tests' short one by default).
 */
import { logLevel } from 'kafkajs';
import { kafkaBrokersFromEnv } from '@clearing/config';
import { createKafka, DecodedBatch, OutboundMessage, transformLoop } from '@clearing/kafka';
import { decodeSample, SampleMessage } from '../sample-messages';
import { CRASH_TEST_LOOP_SETTINGS, runWorker } from './run-worker';

function toOutputs(outputTopic: string, batch: DecodedBatch<SampleMessage>): OutboundMessage[] {
  return batch.messages.map((m) => ({
    topic: outputTopic,
    key: m.key,
    value: JSON.stringify({ id: m.value.id, amount: m.value.amount, sourceOffset: m.offset }),
  }));
}

runWorker(async () => {
  const env = process.env;
  const kafka = createKafka({
    clientId: 'sample-transform-worker',
    brokers: kafkaBrokersFromEnv(),
    level: logLevel.ERROR,
  });
  const loop = transformLoop<SampleMessage>({
    ...CRASH_TEST_LOOP_SETTINGS,
    // The instance-loss test measures takeover with the production session timeout.
    ...(env.WORKER_SESSION_TIMEOUT_MS ? { sessionTimeoutMs: Number(env.WORKER_SESSION_TIMEOUT_MS) } : {}),
    kafka,
    groupId: env.WORKER_GROUP!,
    topics: [env.WORKER_TOPIC!],
    decode: decodeSample,
    transform: async (batch) => toOutputs(env.WORKER_OUTPUT_TOPIC!, batch),
  });
  return { loop };
});
