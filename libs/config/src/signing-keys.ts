import { ConfigValidationError } from './config-validation-error';
import { Env, EnvReader } from './env-readers';

/**
 * Who may issue privileged ledger commands. Each issuer signs its commands with its own key
 * (HMAC-SHA256, libs/ledger command-signature.ts); the journal writer holds every key to verify them.
 * `admin` is the operator path (CLI and ops tooling today, the clearing API later).
 */
export const COMMAND_ISSUERS = [
  'position-aggregator',
  'margin-calculator',
  'deleveraging-engine',
  'admin',
] as const;
export type CommandIssuer = (typeof COMMAND_ISSUERS)[number];

export type SigningKeys = Readonly<Record<CommandIssuer, string>>;

/** `CLEARING_SIGNING_KEY_MARGIN_CALCULATOR` and so on: one secret per issuer. */
export function signingKeyVariable(issuer: CommandIssuer): string {
  return `CLEARING_SIGNING_KEY_${issuer.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * FOR LOCAL RUNS AND TESTS ONLY: public in this repository, so anyone could forge with it. Used when the
 * variable is unset outside production; with NODE_ENV=production an unset variable, or one still holding
 * this value, fails the boot.
 */
export function devSigningKey(issuer: CommandIssuer): string {
  return `dev-only-insecure-signing-key:${issuer}`;
}

/** Keys shorter than this are refused: an HMAC key should carry at least 128 bits. */
const MIN_KEY_LENGTH = 16;

/** Every issuer's key (what the journal writer verifies with). Throws naming each bad variable. */
export function signingKeysFromEnv(env: Env): SigningKeys {
  const read = new EnvReader(env);
  const keys = Object.fromEntries(
    COMMAND_ISSUERS.map((issuer) => [issuer, readKey(read, env, issuer)]),
  ) as Record<CommandIssuer, string>;
  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return keys;
}

/** The one key a signing service needs. */
export function signingKeyFromEnv(env: Env, issuer: CommandIssuer): string {
  const read = new EnvReader(env);
  const key = readKey(read, env, issuer);
  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return key;
}

function readKey(read: EnvReader, env: Env, issuer: CommandIssuer): string {
  const variable = signingKeyVariable(issuer);
  const dev = devSigningKey(issuer);
  const key = read.string(variable, dev);
  const production = env.NODE_ENV === 'production';
  if (production && key === dev)
    read.issues.push({ variable, problem: 'must be set in production (the dev default is public)' });
  else if (key.length < MIN_KEY_LENGTH)
    read.issues.push({
      variable,
      problem: `must be at least ${MIN_KEY_LENGTH} characters (value not shown)`,
    });
  return key;
}
