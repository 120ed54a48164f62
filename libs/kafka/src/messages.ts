import { IHeaders, KafkaMessage } from 'kafkajs';

/** Why a message was refused at the door; `code` is a small closed set so it can label a metric. */
export type DecodeResult<T> = { ok: true; value: T } | { ok: false; reason: string; code: string };

/** Validates one raw value of a topic (JSON Schema, size limit...). Pure: no I/O. */
export type Decoder<T> = (topic: string, value: Buffer | null) => DecodeResult<T>;

/** A message that passed its decoder, with where it came from so derived facts can get deterministic ids. */
export interface ConsumedMessage<T> {
  topic: string;
  partition: number;
  /** Kafka offset as a decimal string: offsets are int64 and can exceed Number.MAX_SAFE_INTEGER. */
  offset: string;
  key: Buffer | null;
  headers: IHeaders;
  timestampMs: number;
  value: T;
  /** The record as received, so a handler that refuses it can dead-letter the original bytes. */
  raw: KafkaMessage;
}

export interface RejectedMessage {
  topic: string;
  partition: number;
  offset: string;
  raw: KafkaMessage;
  reason: string;
  code: string;
}

export interface OutboundMessage {
  topic: string;
  /** Set when the writer must choose (journal events go to their account's shard); else by key hash. */
  partition?: number;
  key: string | Buffer | null;
  value: string | Buffer;
  headers?: Record<string, string>;
}

/** The accepted part of one topic-partition batch, in offset order. */
export interface DecodedBatch<T> {
  topic: string;
  partition: number;
  messages: ConsumedMessage<T>[];
  /** Keep the group membership alive during long work. */
  heartbeat(): Promise<void>;
  /**
   * Transform loops only: which committed state this batch must be decided against. It changes after
   * every rebalance and every batch of the partition that did not commit, and differs between loops, so
   * state kept per (partition, stateEpoch) is always the fold of what is committed, read by this loop
   * after its producer settled the partition's transactions (an old loop's leftovers never leak in).
   */
  stateEpoch?: number;
}

export function splitByDecoder<T>(
  topic: string,
  partition: number,
  messages: readonly KafkaMessage[],
  decode: Decoder<T>,
): { accepted: ConsumedMessage<T>[]; rejected: RejectedMessage[] } {
  const accepted: ConsumedMessage<T>[] = [];
  const rejected: RejectedMessage[] = [];
  for (const raw of messages) {
    const decoded = decode(topic, raw.value);
    if (decoded.ok) {
      accepted.push({
        topic,
        partition,
        offset: raw.offset,
        key: raw.key,
        headers: raw.headers ?? {},
        timestampMs: Number(raw.timestamp),
        value: decoded.value,
        raw,
      });
    } else {
      rejected.push({
        topic,
        partition,
        offset: raw.offset,
        raw,
        reason: decoded.reason,
        code: decoded.code,
      });
    }
  }
  return { accepted, rejected };
}

/**
 * What a transform returns: messages to publish, inputs it refused for business reasons, and inputs it
 * re-published unchanged to the partition that owns them (published like outputs, counted apart so that
 * in = accepted + rejected + forwarded).
 */
export interface TransformResult {
  outputs: OutboundMessage[];
  rejected?: RejectedMessage[];
  forwarded?: OutboundMessage[];
}

/** Kafka headers as strings (multi-valued ones comma-joined), to carry them onto a record we publish. */
export function stringHeadersOf(headers: IHeaders | undefined): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) strings[name] = Array.isArray(value) ? value.join(',') : value.toString();
  }
  return strings;
}

/** A decoded message refused by the handler (unknown instrument, conflict...): dead-lettered with the reason. */
export function refuse<T>(message: ConsumedMessage<T>, reason: string, code = 'rejected'): RejectedMessage {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    raw: message.raw,
    reason,
    code,
  };
}
