import { SigningKeys, signingKeysFromEnv } from '@clearing/config';
import { SYSTEM_PARTITIONS } from '@clearing/contracts';
import { CyclePolicy } from '@clearing/ledger';

/** The aggregator runs three loops; each handler is bound to its loop by one of these ids. */
export const AGGREGATOR_TRANSPORT = {
  intake: Symbol('position-aggregator.intake'),
  writer: Symbol('position-aggregator.writer'),
  projection: Symbol('position-aggregator.projection'),
  expiry: Symbol('position-aggregator.expiry'),
} as const;

export { EXPIRY_GROUP, INTAKE_GROUP, PROJECTION_GROUP, WRITER_GROUP } from '@clearing/contracts';

export const AGGREGATOR_SETTINGS = Symbol('AGGREGATOR_SETTINGS');

export interface AggregatorSettings {
  /** Partitions of ledger.commands.v1 and ledger.journal.v1 (they must agree: an account's shard). */
  partitionCount: number;
  cyclePolicy: CyclePolicy;
  /** How often the writer's clock looks for due netting cycles (ClockTick commands). */
  clockTickMs: number;
  selfTradeVenues: ReadonlySet<string>;
  instrumentsFile?: string;
  /** Every issuer's key: the writer verifies privileged commands, the intake and expiry bridge sign theirs. */
  signingKeys: SigningKeys;
  /** The deleveraging engine's backstop (LIQUIDATION_BACKSTOP_ACCOUNT): funded only by signed admin commands. */
  backstopAccount: string;
  /** Crash tests shorten it so a killed instance's partitions come back quickly. */
  sessionTimeoutMs?: number;
}

/**
 * NETTING_CYCLE_EVENTS (default 1000), NETTING_CYCLE_MS (default 60000: a cycle closes at the first event or
 * journaled clock tick that many ms after its first event), NETTING_CLOCK_TICK_MS (default 1000), SELF_TRADE_VENUES,
 * INSTRUMENTS_FILE, LIQUIDATION_BACKSTOP_ACCOUNT (BACKSTOP), CLEARING_SIGNING_KEY_* (libs/config).
 */
export function aggregatorSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AggregatorSettings {
  const positive = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new Error(`${name} must be a positive integer, got "${env[name]}"`);
    return value;
  };
  return {
    partitionCount: positive('JOURNAL_PARTITIONS', SYSTEM_PARTITIONS),
    cyclePolicy: {
      maxEvents: positive('NETTING_CYCLE_EVENTS', 1000),
      maxEventTimeMs: positive('NETTING_CYCLE_MS', 60_000),
    },
    clockTickMs: positive('NETTING_CLOCK_TICK_MS', 1_000),
    selfTradeVenues: new Set((env.SELF_TRADE_VENUES ?? '').split(',').filter((v) => v.length > 0)),
    instrumentsFile: env.INSTRUMENTS_FILE || undefined,
    signingKeys: signingKeysFromEnv(env),
    backstopAccount: env.LIQUIDATION_BACKSTOP_ACCOUNT ?? 'BACKSTOP',
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS ? positive('KAFKA_SESSION_TIMEOUT_MS', 30_000) : undefined,
  };
}
