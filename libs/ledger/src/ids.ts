import { hash } from 'node:crypto';
import { CanonicalText } from './canonical-order';
import { canonicalJson, canonicalObject, JsonObject, JsonValue, withMember } from './json';

// Fixed namespace so our ids never collide with name-based UUIDs minted by other systems from the same parts.
const ID_NAMESPACE = 'clearing.ledger.v1';

/**
 * Deterministic, name-based UUID (RFC 9562 version 8, SHA-256 based as in its appendix B.2): the same
 * parts always give the same id, so a derived fact (e.g. leg 0 of the fill at fills.v1/3/1042) gets the
 * same id on every replay and retry. Parts are length-prefixed so ('a|b','c') and ('a','b|c') differ.
 */
export function deterministicId(...parts: string[]): string {
  if (parts.length === 0) {
    throw new RangeError('deterministicId needs at least one part');
  }
  let named = ID_NAMESPACE;
  for (const part of parts) named += `\u0000${Buffer.byteLength(part)}:${part}`;
  // One-shot hash of one string (the writer mints an id per event, issue 15), formatted from its hex.
  const hex = hash('sha256', named, 'hex');
  const version = '8'; // RFC 9562 version 8: the high nibble of byte 6
  const variant = VARIANT_NIBBLE[parseInt(hex[16], 16) & 0x3]; // RFC 9562 variant: 10xx in byte 8
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const VARIANT_NIBBLE = ['8', '9', 'a', 'b'];

/** SHA-256 (hex) of the canonical JSON of `content`: key order and whitespace do not matter. */
export function contentHash(content: JsonValue): string {
  return sha256Hex(canonicalJson(content));
}

/** What a door stamps afresh on every retry of the same request (see commandContentHash). */
const RESTAMPED = new Set(['issuedAt', 'attribution', 'signature']);

/**
 * What a command id stands for. A command that came through a door (it carries `attribution`) is
 * hashed without when it was issued and signed: a caller retrying with the same Idempotency-Key gets a
 * fresh `issuedAt`, `attribution.at` and signature, and that retry is a duplicate, not a conflict. Who
 * asked stays in (another principal reusing the id conflicts). Unattributed commands hash whole.
 * `text`: the command's CanonicalText, when the caller already has it (the writer does).
 */
export function commandContentHash(command: JsonObject, text = new CanonicalText(command)): string {
  const attribution = command.attribution as JsonObject | undefined;
  if (attribution === undefined) return sha256Hex(text.whole());
  const asked = text.members().filter(([key]) => !RESTAMPED.has(key));
  return sha256Hex(canonicalObject(withMember(asked, 'principal', attribution.principal ?? null)));
}

function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * `new`: never seen; `duplicate`: same id, same content (skip it, it is a retry);
 * `conflict`: same id, different content (an error, like TigerBeetle's exists_with_different_*).
 */
export type IdempotencyVerdict = 'new' | 'duplicate' | 'conflict';

export function classifyIdempotency(seenHash: string | undefined, incomingHash: string): IdempotencyVerdict {
  if (seenHash === undefined) {
    return 'new';
  }
  return seenHash === incomingHash ? 'duplicate' : 'conflict';
}

/** In-memory id -> content hash index (replays, tests); durable stores apply `classifyIdempotency` too. */
export class IdempotencyCheck {
  private readonly hashById = new Map<string, string>();

  /** Classifies `id` with `content` and remembers it when new. */
  observe(id: string, content: JsonValue): IdempotencyVerdict {
    const incomingHash = contentHash(content);
    const verdict = classifyIdempotency(this.hashById.get(id), incomingHash);
    if (verdict === 'new') {
      this.hashById.set(id, incomingHash);
    }
    return verdict;
  }
}
