import { createHmac, timingSafeEqual } from 'node:crypto';
import { CanonicalText, inCanonicalOrder, withMemberInOrder } from './canonical-order';
import { JsonObject } from './json';

/** Who issued a command and its HMAC-SHA256 (lower-case hex) over the issuer and the canonical command. */
export interface CommandSignature {
  readonly issuer: string;
  readonly hmac: string;
}

type Signed = { readonly type?: unknown; readonly signature?: CommandSignature };

/**
 * The issuer signs the command's canonical JSON (sorted keys, no whitespace, the signature itself left
 * out), so any client may re-serialize it and the writer, or a replay, checks it the same way. The issuer
 * is part of what is signed: a key can only vouch for its own name. The signed command comes back in
 * canonical order, so its JSON.stringify is canonical and the writer checks it without sorting.
 */
export function signCommand<T extends object>(command: T, issuer: string, key: string): T {
  const { signature: _previous, ...unsigned } = command as T & Signed;
  const ordered = inCanonicalOrder(unsigned as JsonObject);
  const hmac = hmacOf(JSON.stringify(ordered), issuer, key);
  return withMemberInOrder(ordered, 'signature', { hmac, issuer }) as T;
}

/**
 * Undefined when `command` carries a signature by `issuer` that `key` verifies; otherwise why not.
 * Constant-time comparison: the writer must not leak how much of a forged HMAC was right. `text`: the
 * command's CanonicalText, when the caller already has it (the writer hashes it too).
 */
export function signatureRefusalOf(
  command: object,
  issuer: string,
  key: string,
  text = new CanonicalText(command as JsonObject),
): string | undefined {
  const { signature, type } = command as Signed;
  if (signature === undefined) return `${String(type)} must be signed by ${issuer}`;
  if (signature.issuer !== issuer)
    return `${String(type)} must be signed by ${issuer}, not ${signature.issuer}`;
  const expected = Buffer.from(hmacOf(text.without('signature'), issuer, key), 'hex');
  const given = Buffer.from(String(signature.hmac), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return `${String(type)} carries a signature by ${issuer} that does not verify`;
  return undefined;
}

/** HMAC-SHA256 over the issuer and the canonical JSON of the unsigned command. */
function hmacOf(canonicalUnsigned: string, issuer: string, key: string): string {
  return createHmac('sha256', key).update(`${issuer}\n${canonicalUnsigned}`).digest('hex');
}
