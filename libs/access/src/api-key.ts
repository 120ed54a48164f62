import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as the caller holds it: `ck_<keyId>_<secret>`. The key id is public (it names the key in
 * logs, lists and revocations); the secret is shown once at creation and only its SHA-256 is stored.
 * A plain hash is enough (no scrypt): the secret is 256 random bits, so there is nothing to brute-force,
 * and a fast hash keeps a lookup per request cheap.
 */
export const API_KEY_PREFIX = 'ck';
const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const KEY_ID_SCHEMA_PATTERN = '^[0-9a-f]{16}$';

export interface IssuedApiKey {
  readonly keyId: string;
  /** The whole key to give the caller, once. */
  readonly token: string;
  /** What is stored: hex SHA-256 of the secret part. */
  readonly secretSha256: string;
}

export interface ParsedApiKey {
  readonly keyId: string;
  readonly secret: string;
}

export function issueApiKey(random: (bytes: number) => Buffer = randomBytes): IssuedApiKey {
  const keyId = random(KEY_ID_BYTES).toString('hex');
  const secret = random(SECRET_BYTES).toString('base64url');
  return { keyId, token: `${API_KEY_PREFIX}_${keyId}_${secret}`, secretSha256: sha256Hex(secret) };
}

/** Undefined for anything that is not exactly a well-formed key (length, alphabet, prefix). */
export function parseApiKey(token: string): ParsedApiKey | undefined {
  const parts = token.split('_');
  if (parts.length < 3 || parts[0] !== API_KEY_PREFIX) return undefined;
  const keyId = parts[1];
  const secret = parts.slice(2).join('_');
  if (!KEY_ID_PATTERN.test(keyId) || !SECRET_PATTERN.test(secret)) return undefined;
  return { keyId, secret };
}

export function isKeyId(value: string): boolean {
  return KEY_ID_PATTERN.test(value);
}

/** Constant-time comparison so response timing does not leak how much of a hash matched. */
export function secretMatches(secret: string, storedSha256: string): boolean {
  const actual = Buffer.from(sha256Hex(secret), 'hex');
  const expected = Buffer.from(storedSha256, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
