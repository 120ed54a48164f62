import { Env } from '@clearing/config';

/** The API's own limits, from the environment; defaults suit one front end per key. */
export interface ApiLimits {
  /** Requests per key (or per client address without a key) per minute. */
  readonly requestsPerMinute: number;
  /** Largest request body; the API's bodies are small commands, so a large one is an attack or a bug. */
  readonly bodyLimitBytes: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = { requestsPerMinute: 600, bodyLimitBytes: 64 * 1024 };

export function apiLimitsFromEnv(env: Env): ApiLimits {
  return {
    requestsPerMinute: positiveInt(env, 'API_RATE_LIMIT_PER_MINUTE', DEFAULT_API_LIMITS.requestsPerMinute),
    bodyLimitBytes: positiveInt(env, 'API_BODY_LIMIT_BYTES', DEFAULT_API_LIMITS.bodyLimitBytes),
  };
}

function positiveInt(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new Error(`${variable} must be a positive integer, got "${raw}"`);
  return Number(raw);
}
