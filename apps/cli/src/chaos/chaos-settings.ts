import { FaultCounts } from '@clearing/testing';

/**
 * The two sizes of the chaos suite. CI (default) keeps the whole file to a few minutes on a 2-core box;
 * CHAOS_LONG=1 runs ten times the fills and about three times the faults.
 */
export interface ChaosSettings {
  readonly seed: number;
  readonly long: boolean;
  /** Publish one deposit in five a second time with the same command id (CHAOS_REPUBLISH_DEPOSITS=0: never). */
  readonly republishDeposits: boolean;
  readonly accounts: number;
  readonly fillCount: number;
  readonly loadDurationMs: number;
  readonly fillChunk: number;
  readonly faults: Omit<FaultCounts, 'services'>;
  /** How long the system may take to settle once the load and the faults are over. */
  readonly settleTimeoutMs: number;
}

export function chaosSettings(env: NodeJS.ProcessEnv = process.env): ChaosSettings {
  const seed = Number(env.CHAOS_SEED ?? Date.now() % 100_000);
  if (!Number.isInteger(seed)) throw new Error(`CHAOS_SEED must be an integer, got ${env.CHAOS_SEED}`);
  const long = env.CHAOS_LONG === '1';
  const republishDeposits = env.CHAOS_REPUBLISH_DEPOSITS !== '0';
  if (long)
    return {
      seed,
      long,
      republishDeposits,
      accounts: 400,
      fillCount: 20_000,
      loadDurationMs: 15 * 60_000,
      fillChunk: 100,
      faults: { killsPerService: 6, brokerTerms: 4, brokerKills: 4, postgresFast: 3, postgresImmediate: 3 },
      settleTimeoutMs: 600_000,
    };
  return {
    seed,
    long,
    republishDeposits,
    accounts: 300,
    fillCount: 2_000,
    loadDurationMs: 150_000,
    fillChunk: 40,
    faults: { killsPerService: 2, brokerTerms: 2, brokerKills: 2, postgresFast: 1, postgresImmediate: 1 },
    settleTimeoutMs: 150_000,
  };
}
