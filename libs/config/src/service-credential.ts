import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigValidationError } from './config-validation-error';
import { Env, EnvReader } from './env-readers';

/** The request header carrying the internal service credential. */
export const SERVICE_CREDENTIAL_HEADER = 'x-clearing-service-credential';
export const SERVICE_CREDENTIAL_VARIABLE = 'CLEARING_SERVICE_CREDENTIAL';

/**
 * FOR LOCAL RUNS AND TESTS ONLY: public in this repository. With NODE_ENV=production an unset variable,
 * or one still holding this value, fails the boot (as for the signing keys).
 */
export const DEV_SERVICE_CREDENTIAL = 'dev-only-insecure-service-credential';

/** A shared secret should carry at least 128 bits. */
const MIN_CREDENTIAL_LENGTH = 16;

/** The secret internal HTTP endpoints require (CLEARING_SERVICE_CREDENTIAL). Throws naming the variable. */
export function serviceCredentialFromEnv(env: Env): string {
  const read = new EnvReader(env);
  const credential = read.string(SERVICE_CREDENTIAL_VARIABLE, DEV_SERVICE_CREDENTIAL);
  if (env.NODE_ENV === 'production' && credential === DEV_SERVICE_CREDENTIAL)
    read.issues.push({
      variable: SERVICE_CREDENTIAL_VARIABLE,
      problem: 'must be set in production (the dev default is public)',
    });
  else if (credential.length < MIN_CREDENTIAL_LENGTH)
    read.issues.push({
      variable: SERVICE_CREDENTIAL_VARIABLE,
      problem: `must be at least ${MIN_CREDENTIAL_LENGTH} characters (value not shown)`,
    });
  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return credential;
}

/**
 * Constant time in the secret: both sides are hashed first, so neither the length nor a common prefix of
 * a guess shows in the timing (timingSafeEqual alone throws on different lengths).
 */
export function credentialMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
