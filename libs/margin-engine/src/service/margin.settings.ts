import { SYSTEM_PARTITIONS } from '@clearing/contracts';
import { EwmaSettings } from '../market-state';
import { PublishThreshold } from '../publish-policy';

export const MARGIN_TRANSPORT = { journal: Symbol('margin-calculator.journal') } as const;

export const JOURNAL_GROUP = 'margin-calculator.journal';
/** Each instance reads all of marks.v1 under a fresh group with this prefix (see BroadcastFeed). */
export const MARKS_GROUP_PREFIX = 'margin-calculator.marks';
/** ... and all of margin.v1 (every instance's accounts: the negative-equity withdrawal gate is system-wide). */
export const SYSTEM_MARGIN_GROUP_PREFIX = 'margin-calculator.margin';

export const MARGIN_SETTINGS = Symbol('MARGIN_SETTINGS');

export interface MarginServiceSettings {
  /** Partitions of ledger.journal.v1: an account belongs to the instance owning its partition. */
  readonly partitionCount: number;
  readonly threshold: PublishThreshold;
  readonly ewma: EwmaSettings;
  readonly parAssets: readonly string[];
  readonly standardAccounts: ReadonlySet<string>;
  /** How long a withdrawal request waits for the journal writer's verdict before answering 202. */
  readonly withdrawalVerdictTimeoutMs: number;
  /** How often journaled risk-parameter changes are looked for (risk_param_changes). */
  readonly riskParamsPollMs: number;
  readonly sessionTimeoutMs?: number;
  /** How often this instance advertises its URL and partitions to service_instances (routing). */
  readonly advertiseIntervalMs: number;
  /** Where other services reach this instance (k8s: the pod address); default: the address it listens on. */
  readonly advertisedUrl?: string;
}

/**
 * MARGIN_PUBLISH_RELATIVE (0.01), MARGIN_PUBLISH_ABSOLUTE_USD (1), MARGIN_EWMA_LAMBDA (0.94),
 * MARGIN_EWMA_PERIOD_MS (one day of event time), MARGIN_EWMA_SEED_VARIANCE (0.0009: 3% a day),
 * PAR_ASSETS (USDC), STANDARD_MARGIN_ACCOUNTS (comma separated), WITHDRAWAL_VERDICT_TIMEOUT_MS (5000),
 * RISK_PARAMS_POLL_MS (2000), ADVERTISE_INTERVAL_MS (1000), ADVERTISED_URL.
 */
export function marginSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MarginServiceSettings {
  const number = (name: string, fallback: number, valid: (n: number) => boolean): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || !valid(value)) throw new Error(`${name} is out of range: "${env[name]}"`);
    return value;
  };
  const positive = (n: number) => n > 0;
  const list = (name: string, fallback: string) =>
    (env[name] ?? fallback).split(',').filter((v) => v.length > 0);
  return {
    partitionCount: number('JOURNAL_PARTITIONS', SYSTEM_PARTITIONS, Number.isSafeInteger),
    threshold: {
      relative: number('MARGIN_PUBLISH_RELATIVE', 0.01, (n) => n >= 0),
      absoluteUsd: number('MARGIN_PUBLISH_ABSOLUTE_USD', 1, (n) => n >= 0),
    },
    ewma: {
      lambda: number('MARGIN_EWMA_LAMBDA', 0.94, (n) => n > 0 && n < 1),
      periodMs: number('MARGIN_EWMA_PERIOD_MS', 86_400_000, positive),
      seedVariance: number('MARGIN_EWMA_SEED_VARIANCE', 0.0009, (n) => n >= 0),
    },
    parAssets: list('PAR_ASSETS', 'USDC'),
    standardAccounts: new Set(list('STANDARD_MARGIN_ACCOUNTS', '')),
    withdrawalVerdictTimeoutMs: number('WITHDRAWAL_VERDICT_TIMEOUT_MS', 5_000, positive),
    riskParamsPollMs: number('RISK_PARAMS_POLL_MS', 2_000, positive),
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS
      ? number('KAFKA_SESSION_TIMEOUT_MS', 30_000, positive)
      : undefined,
    advertiseIntervalMs: number('ADVERTISE_INTERVAL_MS', 1_000, positive),
    ...(env.ADVERTISED_URL ? { advertisedUrl: env.ADVERTISED_URL } : {}),
  };
}
