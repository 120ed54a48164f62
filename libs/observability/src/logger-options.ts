import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';

export interface LoggerIdentity {
  readonly service: string;
  readonly version: string;
  /** A pino level: fatal|error|warn|info|debug|trace|silent. */
  readonly level: string;
}

/** Probes and scrapes hit these every few seconds; logging each would drown the real requests. */
export const UNLOGGED_PATH_PREFIXES = ['/health', '/metrics'] as const;

const URL_VALUED_KEYS = ['DATABASE_URL', 'databaseUrl'];

/** Secrets never reach a log line. pino's `*` matches one level of nesting. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'password',
  '*.password',
  ...URL_VALUED_KEYS.flatMap((key) => [key, `*.${key}`]),
];

/**
 * Connection strings keep user, host and database (useful when debugging which database a service
 * talks to) with only the password masked; every other redacted value is replaced whole.
 */
export function censorSecret(value: unknown, path: readonly string[]): unknown {
  if (URL_VALUED_KEYS.includes(path[path.length - 1]) && typeof value === 'string' && URL.canParse(value)) {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  }
  return '[Redacted]';
}

/** `url` is the raw request target, query string included. */
export function isUnloggedRequest(url: string | undefined): boolean {
  const path = url?.split('?')[0];
  return UNLOGGED_PATH_PREFIXES.some((prefix) => path === prefix || path?.startsWith(`${prefix}/`));
}

/**
 * The one nestjs-pino configuration every service uses: JSON lines (never pretty-printed, so log
 * shippers parse them as they are) carrying service, version, pid and host, with level names instead
 * of numbers and ISO timestamps.
 */
export function loggerOptions(identity: LoggerIdentity): Params {
  return {
    pinoHttp: {
      level: identity.level,
      base: { service: identity.service, version: identity.version, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: censorSecret },
      autoLogging: { ignore: (req: IncomingMessage) => isUnloggedRequest(req.url) },
    },
  };
}
