import { logLevel } from 'kafkajs';
import { kafkaBrokersFromEnv } from '@clearing/config';
import { SYSTEM_TOPICS } from '@clearing/contracts';
import { createKafka, ensureTopics, topicConfigs } from '@clearing/kafka';
import { CliCommand, parseArgs } from '../command';

const USAGE = `usage: clearing topics create|list

  create  create every missing system topic (and its .dlq twin) with its partition count and cleanup
          policy; idempotent. For a broker this CLI did not start (docker compose's provisioning step);
          \`clearing infra up\` does the same for the local one. In Kubernetes, KafkaTopic resources do it.
  list    print each system topic, its partition count and configs (cleanup policy, retention)

environment: KAFKA_BROKERS (default 127.0.0.1:9092), CLEARING_TOPIC_NAMESPACE`;

/** Every system topic as the broker should hold it (the same configs `create` uses). */
function topicLines(): string[] {
  return topicConfigs(SYSTEM_TOPICS).map(({ topic, numPartitions, configEntries = [] }) => {
    const config = configEntries.map(({ name, value }) => `${name}=${value}`).join(' ');
    return `${topic.padEnd(24)} ${String(numPartitions).padStart(3)}  ${config}`;
  });
}

async function createTopics(): Promise<void> {
  const kafka = createKafka({
    clientId: 'clearing-topics',
    brokers: kafkaBrokersFromEnv(),
    level: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, SYSTEM_TOPICS);
  } finally {
    await admin.disconnect();
  }
}

export const topicsCommand: CliCommand = {
  name: 'topics',
  summary: 'create or list the system topics on any broker',
  usage: USAGE,
  async run(args) {
    const action = parseArgs(args).positional[0];
    if (action === 'list') {
      process.stdout.write(`${topicLines().join('\n')}\n`);
      return 0;
    }
    if (action !== 'create') {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    await createTopics();
    process.stdout.write(`topics: ${topicLines().length} present\n`);
    return 0;
  },
};
