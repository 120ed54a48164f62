import { SYSTEM_PARTITIONS } from '@clearing/contracts';
import { serviceCredentialFromEnv } from '@clearing/config';

export const ROUTING_SETTINGS = Symbol('ROUTING_SETTINGS');

export interface RoutingSettings {
  /** Partitions of ledger.journal.v1: an account is margined by the instance owning its partition. */
  readonly partitionCount: number;
  /** How long the API trusts its copy of service_instances before reading it again. */
  readonly directoryTtlMs: number;
  /** An advert older than this is a dead instance's (the calculator beats every second by default). */
  readonly advertMaxAgeMs: number;
  /** Per forwarded call: a withdrawal waits up to the calculator's verdict timeout (5 s) inside it. */
  readonly callTimeoutMs: number;
  /** Sent to the internal endpoints (CLEARING_SERVICE_CREDENTIAL). */
  readonly serviceCredential: string;
}

/** JOURNAL_PARTITIONS, ROUTE_DIRECTORY_TTL_MS (1000), ROUTE_ADVERT_MAX_AGE_MS (5000), ROUTE_CALL_TIMEOUT_MS (10000). */
export function routingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RoutingSettings {
  const number = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new Error(`${name} is out of range: "${env[name]}"`);
    return value;
  };
  return {
    partitionCount: number('JOURNAL_PARTITIONS', SYSTEM_PARTITIONS),
    directoryTtlMs: number('ROUTE_DIRECTORY_TTL_MS', 1_000),
    advertMaxAgeMs: number('ROUTE_ADVERT_MAX_AGE_MS', 5_000),
    callTimeoutMs: number('ROUTE_CALL_TIMEOUT_MS', 10_000),
    serviceCredential: serviceCredentialFromEnv(env),
  };
}
