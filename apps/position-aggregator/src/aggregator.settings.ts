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

/** The aggregator's consume loops, each its own consumer group (AGGREGATOR_LOOPS picks a process's). */
export const AGGREGATOR_LOOPS = ['intake', 'writer', 'projection', 'expiry'] as const;
export type AggregatorLoop = (typeof AGGREGATOR_LOOPS)[number];

export { EXPIRY_GROUP, INTAKE_GROUP, PROJECTION_GROUP, WRITER_GROUP } from '@clearing/contracts';

export const AGGREGATOR_SETTINGS = Symbol('AGGREGATOR_SETTINGS');

export interface AggregatorSettings {
  /** Partitions of ledger.commands.v1 and ledger.journal.v1 (they must agree: an account's shard). */
  partitionCount: number;
  cyclePolicy: CyclePolicy;
  /** How often the writer's clock looks for due netting cycles (ClockTick commands). */
  clockTickMs: number;
  selfTradeVenues: ReadonlySet<string>;
  /** Every issuer's key: the writer verifies privileged commands, the intake and expiry bridge sign theirs. */
  signingKeys: SigningKeys;
  /** The deleveraging engine's backstop (LIQUIDATION_BACKSTOP_ACCOUNT): funded only by signed admin commands. */
  backstopAccount: string;
  /** The loops this process runs (all by default). */
  loops: ReadonlySet<AggregatorLoop>;
  /** Crash tests shorten it so a killed instance's partitions come back quickly. */
  sessionTimeoutMs?: number;
}

/**
 * NETTING_CYCLE_EVENTS (default 1000), NETTING_CYCLE_MS (default 60000: a cycle closes at the first event or
 * journaled clock tick that many ms after its first event), NETTING_CLOCK_TICK_MS (default 1000), SELF_TRADE_VENUES,
 * LIQUIDATION_BACKSTOP_ACCOUNT (BACKSTOP), CLEARING_SIGNING_KEY_* (libs/config),
 * AGGREGATOR_LOOPS (default `intake,writer,projection,expiry`): the loops this process runs. One Node
 * process has one JavaScript thread; each loop scales by partition in its own consumer group, so running
 * them as separate processes (say `intake,expiry` + `writer` + `projection`) lets them use more cores.
 * Every loop must run in some process of the deployment, or its topic is never consumed.
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
    signingKeys: signingKeysFromEnv(env),
    backstopAccount: env.LIQUIDATION_BACKSTOP_ACCOUNT ?? 'BACKSTOP',
    loops: loopsFromEnv(env.AGGREGATOR_LOOPS),
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS ? positive('KAFKA_SESSION_TIMEOUT_MS', 30_000) : undefined,
  };
}

function loopsFromEnv(raw: string | undefined): ReadonlySet<AggregatorLoop> {
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) return new Set(AGGREGATOR_LOOPS);
  const unknown = names.filter((name) => !(AGGREGATOR_LOOPS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `AGGREGATOR_LOOPS: unknown loop(s) ${unknown.join(', ')}; known: ${AGGREGATOR_LOOPS.join(', ')}`,
    );
  return new Set(names as AggregatorLoop[]);
}
