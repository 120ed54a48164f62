import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, Producer } from 'kafkajs';
import { failpoint } from './failpoint';
import { OutboundMessage } from './messages';

export interface OffsetToCommit {
  consumerGroupId: string;
  topic: string;
  partition: number;
  nextOffset: string;
}

/** Where a transform's outputs and consumed offsets commit; TransactionalProducers in production. */
export interface BatchCommitter {
  /**
   * Makes the partition's producer ready, initialising a fresh one after a failure or a rebalance: its
   * InitProducerId returns only once every earlier transaction of the id is complete (markers written),
   * so state read from the committed output afterwards includes all of them, and a zombie is fenced.
   */
  ready(topic: string, partition: number): Promise<void>;
  commit(messages: readonly OutboundMessage[], offset: OffsetToCommit): Promise<void>;
  /** Ownership may have changed: every producer is re-initialised before its next transaction. */
  expireAll(): void;
  /** The group's committed next offset of the partition (undefined when none was ever committed). */
  committedOffset(groupId: string, topic: string, partition: number): Promise<bigint | undefined>;
  close(): Promise<void>;
}

/**
 * One transactional producer per input partition (transactional.id = prefix + topic + partition).
 * kafkajs' sendOffsets carries no consumer-group generation (no KIP-447 fencing), so the classic scheme
 * is what fences a zombie: whoever owns the partition next initialises the same id and bumps its epoch.
 */
export class TransactionalProducers implements BatchCommitter {
  private readonly producers = new Map<string, Promise<Producer>>();
  /** Producers created before the last rebalance: replaced by fresh ones before their next use. */
  private readonly expired = new Set<string>();
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly transactionalIdPrefix: string,
  ) {}

  async ready(topic: string, partition: number): Promise<void> {
    const key = `${topic}.${partition}`;
    if (this.expired.delete(key)) await this.drop(key);
    await this.withinDeadline(key, 'initialising the transactional producer', () => this.producerFor(key));
  }

  expireAll(): void {
    for (const key of this.producers.keys()) this.expired.add(key);
  }

  async committedOffset(groupId: string, topic: string, partition: number): Promise<bigint | undefined> {
    const admin = await this.adminClient();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const offset = offsets?.partitions.find((p) => p.partition === partition)?.offset;
    return offset === undefined || BigInt(offset) < 0n ? undefined : BigInt(offset);
  }

  private adminClient(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  /** Writes the messages and the consumed offset atomically: all visible to read_committed, or none. */
  async commit(messages: readonly OutboundMessage[], offset: OffsetToCommit): Promise<void> {
    const key = `${offset.topic}.${offset.partition}`;
    await this.withinDeadline(key, 'the transaction', () => this.transact(key, messages, offset));
    failpoint('transform.after-commit');
  }

  /**
   * The producers retry without limit (as EOS requires), so a broker that answers "coordinator loading"
   * forever, or a connection that never comes back, would hang the batch for good. Each attempt gets a
   * deadline instead: past it the producer is dropped and the batch fails, to be retried by a fresh
   * producer whose initialisation fences the old one.
   */
  private async withinDeadline<R>(key: string, what: string, work: () => Promise<R>): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} took over ${ATTEMPT_DEADLINE_MS} ms`)),
        ATTEMPT_DEADLINE_MS,
      );
    });
    try {
      return await Promise.race([work(), deadline]);
    } catch (error) {
      await this.drop(key);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async transact(
    key: string,
    messages: readonly OutboundMessage[],
    offset: OffsetToCommit,
  ): Promise<void> {
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
      // The outcome may be in doubt (a commit whose answer was lost): abort if the broker lets us, then
      // always start over with a fresh producer, whose initialisation settles whatever was in flight.
      await Promise.race([transaction.abort().catch(() => undefined), sleep(ABORT_WAIT_MS)]);
      throw error;
    }
  }

  async close(): Promise<void> {
    const producers = [...this.producers.values()];
    this.producers.clear();
    this.expired.clear();
    const admin = this.admin;
    this.admin = undefined;
    await Promise.allSettled([
      ...producers.map(async (p) => (await p).disconnect()),
      admin?.then((a) => a.disconnect()),
    ]);
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
    const producer = idempotentProducer(this.kafka, transactionalId);
    await producer.connect();
    await settleTransactionalId(producer);
    return producer;
  }

  private async drop(key: string): Promise<void> {
    const producer = this.producers.get(key);
    this.producers.delete(key);
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }
}

/**
 * The transactional InitProducerId, now: it fences every earlier producer of the id and returns only once
 * the id's last transaction is complete (committed or aborted), so state read after it includes a commit
 * whose answer was lost. kafkajs' `connect()` initialises only an idempotent producer id and defers this to
 * the first `transaction()`, i.e. after the partition's state was read. Opening a transaction does it;
 * aborting one with nothing in it sends nothing to the broker.
 */
async function settleTransactionalId(producer: Producer): Promise<void> {
  const transaction = await producer.transaction();
  await transaction.abort();
}

/**
 * kafkajs warns that capping an idempotent producer's retries "may invalidate EoS guarantees": a send
 * given up on mid-sequence leaves the broker's sequence numbers behind the producer's. So its retries are
 * unlimited (a broker outage is ridden through, each wait at most maxRetryTime), as kafkajs requires.
 *
 * The first wait is short because of the hot path, not outages: a transaction opened right after the
 * previous one committed has its first send refused (CONCURRENT_TRANSACTIONS) until the broker has written
 * the previous one's markers, a few ms, and kafkajs retries that with this backoff (the Java client uses
 * 20 ms for this case). At kafkajs' 100 ms (80 to 120 with jitter) every such hop lost about 100 ms of
 * fill-to-margin latency. Doubling per retry still reaches maxRetryTime within about 5 s of an outage.
 */
const IDEMPOTENT_RETRY = {
  retries: Number.MAX_SAFE_INTEGER,
  initialRetryTime: 5,
  maxRetryTime: 5_000,
};

/** An idempotent producer (one request in flight, so order holds across retries), EOS-safe retries. */
export function idempotentProducer(kafka: Kafka, transactionalId?: string): Producer {
  return kafka.producer({
    transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    retry: IDEMPOTENT_RETRY,
  });
}

/** One transaction attempt (or producer initialisation) at most this long; then a fresh producer. */
const ATTEMPT_DEADLINE_MS = 30_000;
/** A polite abort after a failure; the fresh producer's initialisation aborts it anyway. */
const ABORT_WAIT_MS = 5_000;

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
