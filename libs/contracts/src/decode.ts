import { MessageByTopic, SchemaTopic } from './schemas';
import { formatSchemaErrors, validatorOf } from './validators';

/** Largest accepted message value. Checked before parsing so an oversized record costs no JSON work. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type DecodeErrorCode = 'too-large' | 'not-json' | 'schema' | 'empty';

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; reason: string; code: DecodeErrorCode };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a Kafka record value of `topic`: size limit, then UTF-8 and JSON, then the topic's schema.
 * Never throws for bad input: a failure carries a code and a human-readable reason for the DLQ.
 */
export function decodeMessage<T extends SchemaTopic>(
  topic: T,
  bytes: Buffer | null,
  maxBytes: number = MAX_MESSAGE_BYTES,
): DecodeResult<MessageByTopic[T]> {
  const parsed = parseMessage(bytes, maxBytes);
  return parsed.ok ? validateMessage(topic, parsed.value) : parsed;
}

/**
 * The size limit, UTF-8 and JSON, no schema: for a topic only this system writes whose readers check
 * each message themselves (the journal: JournalCodec.fromWire), so it is validated once, where it is made.
 */
export function parseMessage(
  bytes: Buffer | null,
  maxBytes: number = MAX_MESSAGE_BYTES,
): DecodeResult<unknown> {
  if (bytes === null || bytes.length === 0) {
    return { ok: false, code: 'empty', reason: 'empty message value (null or zero bytes)' };
  }
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      code: 'too-large',
      reason: `message is ${bytes.length} bytes, the limit is ${maxBytes}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) };
  } catch (error) {
    return { ok: false, code: 'not-json', reason: `not UTF-8 JSON: ${(error as Error).message}` };
  }
}

/** Validates an already-parsed value against the topic's schema. */
export function validateMessage<T extends SchemaTopic>(
  topic: T,
  value: unknown,
): DecodeResult<MessageByTopic[T]> {
  const validate = validatorOf(topic);
  if (validate(value)) {
    return { ok: true, value: value as MessageByTopic[T] };
  }
  return { ok: false, code: 'schema', reason: formatSchemaErrors(validate.errors) };
}

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
}

/** Serializes a message for `topic`, refusing to publish anything its own consumers would reject. */
export function encodeMessage<T extends SchemaTopic>(topic: T, message: MessageByTopic[T]): Buffer {
  const bytes = Buffer.from(JSON.stringify(message), 'utf8');
  const check = decodeMessage(topic, bytes);
  if (!check.ok) {
    throw new ContractViolationError(`refusing to publish an invalid ${topic} message: ${check.reason}`);
  }
  return bytes;
}
