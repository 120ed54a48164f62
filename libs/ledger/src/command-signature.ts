import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, CanonicalMember, canonicalMembersOf, canonicalObject, JsonObject } from './json';

/** Who issued a command and its HMAC-SHA256 (lower-case hex) over the issuer and the canonical command. */
export interface CommandSignature {
  readonly issuer: string;
  readonly hmac: string;
}

type Signed = { readonly type?: unknown; readonly signature?: CommandSignature };

/**
 * The issuer signs the command's canonical JSON (sorted keys, no whitespace, the signature itself left
 * out), so any client may re-serialize it and the writer, or a replay, checks it the same way. The issuer
 * is part of what is signed: a key can only vouch for its own name.
 */
export function signCommand<T extends object>(command: T, issuer: string, key: string): T {
  const { signature: _previous, ...unsigned } = command as T & Signed;
  return {
    ...command,
    signature: { issuer, hmac: hmacOf(canonicalJson(unsigned as JsonObject), issuer, key) },
  };
}

/**
 * Undefined when `command` carries a signature by `issuer` that `key` verifies; otherwise why not.
 * Constant-time comparison: the writer must not leak how much of a forged HMAC was right. `members`:
 * the command's canonicalMembersOf, when the caller already has them (the writer hashes them too).
 */
export function signatureRefusalOf(
  command: object,
  issuer: string,
  key: string,
  members: readonly CanonicalMember[] = canonicalMembersOf(command as JsonObject),
): string | undefined {
  const { signature, type } = command as Signed;
  if (signature === undefined) return `${String(type)} must be signed by ${issuer}`;
  if (signature.issuer !== issuer)
    return `${String(type)} must be signed by ${issuer}, not ${signature.issuer}`;
  const canonical = canonicalObject(members.filter(([name]) => name !== 'signature'));
  const expected = Buffer.from(hmacOf(canonical, issuer, key), 'hex');
  const given = Buffer.from(String(signature.hmac), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return `${String(type)} carries a signature by ${issuer} that does not verify`;
  return undefined;
}

/** HMAC-SHA256 over the issuer and the canonical JSON of the unsigned command. */
function hmacOf(canonicalUnsigned: string, issuer: string, key: string): string {
  return createHmac('sha256', key).update(`${issuer}\n${canonicalUnsigned}`).digest('hex');
}
