import { randomBytes } from 'node:crypto';
import { Admin, Kafka } from 'kafkajs';

/** Next offset to be written per partition: what a topic held before a measured run started. */
export async function endOffsets(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
}

/**
 * When the first record written after `before` was produced (its CreateTime, ms since epoch, stamped by the
 * producing client on this same machine). Tells when a service started emitting, independent of when its
 * HTTP server happened to come up. Reads with a throwaway group, so no live group is disturbed.
 */
export async function firstWriteAfter(
  kafka: Kafka,
  topic: string,
  before: Map<number, bigint>,
): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const after = await endOffsets(admin, topic);
  const waiting = new Set([...after].filter(([p, high]) => high > (before.get(p) ?? 0n)).map(([p]) => p));
  if (waiting.size === 0) throw new Error(`nothing was written to ${topic}`);
  const groupId = `bench-first-write-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, readUncommitted: true });
  let earliest = Number.POSITIVE_INFINITY;
  try {
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      void (async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const from = before.get(batch.partition) ?? 0n;
            const first = batch.messages.find((m) => BigInt(m.offset) >= from);
            if (!first || !waiting.has(batch.partition)) return;
            earliest = Math.min(earliest, Number(first.timestamp));
            waiting.delete(batch.partition);
            if (waiting.size === 0) resolve();
          },
        });
      })().catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return earliest;
}
