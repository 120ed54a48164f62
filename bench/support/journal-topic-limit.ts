import { Admin, ConfigResourceTypes } from 'kafkajs';

/**
 * Workaround, not a fix: the journal writer emits one input batch (up to 1 MB of leg commands) as one
 * record batch on one journal partition, and journal events are larger than the commands, so with a
 * backlog the batch exceeds the broker's 1 MB max.message.bytes and the writer retries forever
 * (MESSAGE_TOO_LARGE). Raising the limit on the benchmark's own journal topic lets it measure the rest.
 */
export async function raiseMessageLimit(
  admin: Admin,
  topics: readonly string[],
  maxBytes: number,
): Promise<void> {
  await admin.alterConfigs({
    validateOnly: false,
    resources: topics.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configEntries: [{ name: 'max.message.bytes', value: String(maxBytes) }],
    })),
  });
}
