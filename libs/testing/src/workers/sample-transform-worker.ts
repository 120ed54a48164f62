/**
 * A separate process running the Kafka -> Kafka exactly-once loop on sample messages (each input
 * becomes one output carrying the input id), so crash tests can SIGKILL it at any instant.
 * Configured by WORKER_TOPIC, WORKER_OUTPUT_TOPIC, WORKER_GROUP, KAFKA_BROKERS, CLEARING_FAILPOINT.
 */
import { logLevel } from 'kafkajs';
import { kafkaBrokersFromEnv } from '@clearing/config';
import { createKafka, DecodedBatch, OutboundMessage, transformLoop } from '@clearing/kafka';
import { decodeSample, SampleMessage } from '../sample-messages';

function toOutputs(outputTopic: string, batch: DecodedBatch<SampleMessage>): OutboundMessage[] {
  return batch.messages.map((m) => ({
    topic: outputTopic,
    key: m.key,
    value: JSON.stringify({ id: m.value.id, amount: m.value.amount, sourceOffset: m.offset }),
  }));
}

async function main(): Promise<void> {
  const env = process.env;
  const kafka = createKafka({
    clientId: 'sample-transform-worker',
    brokers: kafkaBrokersFromEnv(),
    level: logLevel.ERROR,
  });
  const loop = transformLoop<SampleMessage>({
    kafka,
    groupId: env.WORKER_GROUP!,
    topics: [env.WORKER_TOPIC!],
    decode: decodeSample,
    // The broker's minimum: a SIGKILLed worker's partitions come back after 6 s, not 30.
    sessionTimeoutMs: 6_000,
    // Small batches (about a hundred messages) so a kill lands inside many different transactions.
    maxBytesPerPartition: 8_192,
    transform: async (batch) => toOutputs(env.WORKER_OUTPUT_TOPIC!, batch),
  });
  process.on('SIGTERM', () => void loop.stop().then(() => process.exit(0)));
  await loop.start();
  process.stdout.write('worker started\n');
}

main().catch((error) => {
  process.stderr.write(`worker failed: ${String(error)}\n`);
  process.exit(1);
});
