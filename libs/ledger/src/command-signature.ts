import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, JsonObject } from './json';

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
  return { ...command, signature: { issuer, hmac: hmacOf(unsigned, issuer, key) } };
}

/**
 * Undefined when `command` carries a signature by `issuer` that `key` verifies; otherwise why not.
 * Constant-time comparison: the writer must not leak how much of a forged HMAC was right.
 */
export function signatureRefusalOf(command: object, issuer: string, key: string): string | undefined {
  const { signature, ...unsigned } = command as Signed;
  if (signature === undefined) return `${String(unsigned.type)} must be signed by ${issuer}`;
  if (signature.issuer !== issuer)
    return `${String(unsigned.type)} must be signed by ${issuer}, not ${signature.issuer}`;
  const expected = Buffer.from(hmacOf(unsigned, issuer, key), 'hex');
  const given = Buffer.from(String(signature.hmac), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return `${String(unsigned.type)} carries a signature by ${issuer} that does not verify`;
  return undefined;
}

function hmacOf(unsigned: object, issuer: string, key: string): string {
  return createHmac('sha256', key)
    .update(`${issuer}\n${canonicalJson(unsigned as JsonObject)}`)
    .digest('hex');
}
