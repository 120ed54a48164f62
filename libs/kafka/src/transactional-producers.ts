import { Kafka, Producer } from 'kafkajs';
import { failpoint } from './failpoint';
import { OutboundMessage } from './messages';

export interface OffsetToCommit {
  consumerGroupId: string;
  topic: string;
  partition: number;
  nextOffset: string;
}

/**
 * One transactional producer per input partition (transactional.id = prefix + topic + partition).
 * kafkajs' sendOffsets carries no consumer-group generation (no KIP-447 fencing), so the classic scheme
 * is what fences a zombie: whoever owns the partition next initialises the same id and bumps its epoch.
 */
export class TransactionalProducers {
  private readonly producers = new Map<string, Promise<Producer>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly transactionalIdPrefix: string,
  ) {}

  /** Writes the messages and the consumed offset atomically: all visible to read_committed, or none. */
  async commit(messages: readonly OutboundMessage[], offset: OffsetToCommit): Promise<void> {
    const key = `${offset.topic}.${offset.partition}`;
    const producer = await this.producerFor(key);
    const transaction = await producer.transaction();
    try {
      for (const chunk of chunksBySize(messages))
        await transaction.sendBatch({ topicMessages: byTopic(chunk) });
      await transaction.sendOffsets({
        consumerGroupId: offset.consumerGroupId,
        topics: [
          { topic: offset.topic, partitions: [{ partition: offset.partition, offset: offset.nextOffset }] },
        ],
      });
      failpoint('transform.before-commit');
      await transaction.commit();
    } catch (error) {
      await this.discard(key, () => transaction.abort());
      throw error;
    }
    failpoint('transform.after-commit');
  }

  async close(): Promise<void> {
    const producers = [...this.producers.values()];
    this.producers.clear();
    await Promise.allSettled(producers.map(async (p) => (await p).disconnect()));
  }

  private producerFor(key: string): Promise<Producer> {
    let producer = this.producers.get(key);
    if (!producer) {
      producer = this.connect(`${this.transactionalIdPrefix}.${key}`);
      this.producers.set(key, producer);
      // A failed connect must not poison the pool: the next batch tries again.
      producer.catch(() => this.producers.delete(key));
    }
    return producer;
  }

  private async connect(transactionalId: string): Promise<Producer> {
    const producer = this.kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return producer;
  }

  /** After a failed transaction, abort; if even that fails, drop the producer so a fresh one re-inits. */
  private async discard(key: string, abort: () => Promise<unknown>): Promise<void> {
    try {
      await abort();
    } catch {
      const producer = this.producers.get(key);
      this.producers.delete(key);
      await producer?.then((p) => p.disconnect()).catch(() => undefined);
    }
  }
}

/**
 * kafkajs puts one sendBatch into one record batch per partition, and the broker refuses a record batch
 * over message.max.bytes (1 MiB by default): a transform whose outputs outgrow its input (a 1 MiB fetch of
 * commands becomes several MiB of journal events after a backlog) would crash on every retry. Sent in
 * chunks well under that, still inside the one transaction, in order.
 */
const MAX_SEND_BYTES = 512 * 1024;

function chunksBySize(messages: readonly OutboundMessage[]): OutboundMessage[][] {
  const chunks: OutboundMessage[][] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = approximateBytes(message);
    if (chunks.length === 0 || bytes + size > MAX_SEND_BYTES) {
      chunks.push([]);
      bytes = 0;
    }
    chunks[chunks.length - 1].push(message);
    bytes += size;
  }
  return chunks;
}

/** Key, value and headers plus a generous per-record overhead (lengths, offsets, attributes). */
function approximateBytes({ key, value, headers }: OutboundMessage): number {
  const headerBytes = Object.entries(headers ?? {}).reduce(
    (sum, [name, text]) => sum + Buffer.byteLength(name) + Buffer.byteLength(text),
    0,
  );
  return Buffer.byteLength(key ?? '') + Buffer.byteLength(value) + headerBytes + 64;
}

function byTopic(messages: readonly OutboundMessage[]) {
  const topics = new Map<
    string,
    {
      key: string | Buffer | null;
      value: string | Buffer;
      headers?: Record<string, string>;
      partition?: number;
    }[]
  >();
  for (const { topic, key, value, headers, partition } of messages) {
    const list = topics.get(topic) ?? [];
    list.push({ key, value, headers, partition });
    topics.set(topic, list);
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
}
