import { Admin, IHeaders, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';

/** One committed record of the topic, in partition order. */
export interface TopicRecord {
  readonly partition: number;
  /** int64 offset as a decimal string. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
  /** The record's timestamp (CreateTime: the producing client's clock at send), ms since the epoch. */
  readonly timestampMs: number;
}

export interface ReadToEndOptions {
  /** Called after each batch: offsets covered so far and in total (sum of high - low over partitions). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Only these partitions (a journal writer restoring its shard); all by default. */
  readonly partitions?: readonly number[];
}

interface PartitionSpan {
  readonly low: bigint;
  readonly high: bigint;
  /** Next offset to read; the partition is finished once it reaches `high`. */
  position: bigint;
}

/**
 * Reads every committed record (read_committed: aborted transactions are invisible) of `topic` from the
 * beginning up to the end offsets seen at the start, in order per partition, batch by batch. Records
 * appended meanwhile are left out, so the result is one consistent cut of the topic. Uses a throwaway
 * consumer group that commits nothing and is deleted afterwards, so it never disturbs a live group.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  onBatch: (records: TopicRecord[]) => Promise<void> | void,
  options: ReadToEndOptions = {},
): Promise<{ records: number }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const spans = await partitionSpans(admin, topic, options.partitions);
    const total = Number([...spans.values()].reduce((sum, s) => sum + (s.high - s.low), 0n));
    options.onProgress?.(0, total);
    if (total === 0) return { records: 0 };
    const groupId = `topic-reader-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    try {
      return await consumeSpans(kafka, topic, groupId, spans, onBatch, (done) =>
        options.onProgress?.(done, total),
      );
    } finally {
      await deleteGroup(admin, groupId);
    }
  } finally {
    await admin.disconnect();
  }
}

async function consumeSpans(
  kafka: Kafka,
  topic: string,
  groupId: string,
  spans: Map<number, PartitionSpan>,
  onBatch: (records: TopicRecord[]) => Promise<void> | void,
  onProgress: (done: number) => void,
): Promise<{ records: number }> {
  const consumer = kafka.consumer({ groupId, readUncommitted: false });
  let records = 0;
  let failure: unknown;
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      failure ??= error;
      reject(failure);
    };
    const advance = (partition: number, lastOffset: string) => {
      const span = spans.get(partition);
      if (!span || failure !== undefined) return;
      span.position = bigMax(span.position, BigInt(lastOffset) + 1n);
      onProgress(
        Number([...spans.values()].reduce((sum, s) => sum + (bigMin(s.position, s.high) - s.low), 0n)),
      );
      if ([...spans.values()].every((s) => s.position >= s.high)) resolve();
    };
    // END_BATCH_PROCESS also fires for batches of only control records or aborted data (eachBatch does
    // not), which is how a partition ending in a transaction marker is seen to be finished.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) =>
      advance(payload.partition, payload.lastOffset),
    );
    consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
    void (async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const span = spans.get(batch.partition);
          if (!span || failure !== undefined) return;
          const wanted = batch.messages
            .filter((m) => BigInt(m.offset) < span.high)
            .map((m) => ({
              partition: batch.partition,
              offset: m.offset,
              key: m.key,
              value: m.value,
              headers: m.headers ?? {},
              timestampMs: Number(m.timestamp),
            }));
          if (wanted.length === 0) return;
          try {
            await onBatch(wanted);
            records += wanted.length;
          } catch (error) {
            fail(error);
          }
        },
      });
    })().catch(fail);
  });
  try {
    await finished;
    return { records };
  } finally {
    await consumer.disconnect();
  }
}

async function partitionSpans(
  admin: Admin,
  topic: string,
  only?: readonly number[],
): Promise<Map<number, PartitionSpan>> {
  const offsets = (await retryRetriable(() => admin.fetchTopicOffsets(topic))).filter(
    (o) => only === undefined || only.includes(o.partition),
  );
  return new Map(
    offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high), position: BigInt(o.low) }]),
  );
}

/** The group commits no offsets, so Kafka may already have dropped it: "not found" is success. */
async function deleteGroup(admin: Admin, groupId: string): Promise<void> {
  await retryRetriable(async () => {
    try {
      await admin.deleteGroups([groupId]);
    } catch (error) {
      const groups = (error as { groups?: { error?: { type?: string } }[] }).groups ?? [];
      if (groups.length > 0 && groups.every((g) => g.error?.type === 'GROUP_ID_NOT_FOUND')) return;
      throw error;
    }
  });
}

/** Leaders of a just-created topic or group coordinator are not known at once (NOT_LEADER...): retry. */
export async function retryRetriable<T>(action: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts || !isRetriable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function isRetriable(error: unknown): boolean {
  const candidate = error as { retriable?: boolean; groups?: { error?: { retriable?: boolean } }[] };
  return candidate.retriable === true || (candidate.groups ?? []).some((g) => g.error?.retriable === true);
}

const bigMax = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const bigMin = (a: bigint, b: bigint): bigint => (a < b ? a : b);
