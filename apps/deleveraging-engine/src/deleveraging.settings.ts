import { signingKeyFromEnv } from '@clearing/config';
import { LiquidationParams } from '@clearing/liquidation';
import { MarginServiceSettings, marginSettingsFromEnv } from '@clearing/margin-engine/service';

export const DELEVERAGING_TRANSPORT = { journal: Symbol('deleveraging-engine.journal') } as const;

export const JOURNAL_GROUP = 'deleveraging-engine.journal';
/** Each instance reads all of marks.v1 and margin.v1 under fresh groups with these prefixes (BroadcastFeed). */
export const MARKS_GROUP_PREFIX = 'deleveraging-engine.marks';
export const MARGIN_GROUP_PREFIX = 'deleveraging-engine.margin';
/** ... and all of risk.summaries.v1 (every partition's summary, for the system-wide figures). */
export const SUMMARIES_GROUP_PREFIX = 'deleveraging-engine.summaries';

export const DELEVERAGING_SETTINGS = Symbol('DELEVERAGING_SETTINGS');

export interface InsuranceFundCaps {
  /** Decimal strings of the settlement asset: parsed at its ledger scale where the caps are applied. */
  readonly perEvent: string;
  readonly perWindow: string;
  readonly windowMs: number;
}

export interface DeleveragingSettings {
  /** The margin calculator's own settings (same variables): the engine must margin exactly as it does. */
  readonly margin: MarginServiceSettings;
  /** Takes over what partial liquidation and a covered close-out sell (the other leg of each transfer). */
  readonly backstopAccount: string;
  /** CLEARING_SIGNING_KEY_DELEVERAGING_ENGINE: the ledger books only the step commands this engine signed. */
  readonly signingKey: string;
  readonly params: LiquidationParams;
  readonly fundCaps: InsuranceFundCaps;
  readonly settlementAsset: string;
  /** How often open cases are re-evaluated (throttle cooldowns, step confirmations). */
  readonly tickMs: number;
  /** How often a pending step is sent again until the ledger has decided it (same command ids). */
  readonly reissueMs: number;
  readonly solvencyIntervalMs: number;
  /** The CCP's own capital available after the insurance fund (Cover 2 resources), USD. */
  readonly ccpExcessCollateralUsd: number;
  readonly summaries: PartitionSummarySettings;
}

/** risk.summaries.v1: how often the owned partitions are summarized, when one is stale, how deep. */
export interface PartitionSummarySettings {
  readonly intervalMs: number;
  /** Older than this a partition's summary is stale (its owner is gone): ADL waits, solvency says so. */
  readonly maxAgeMs: number;
  /** ADL candidates per instrument and side a summary carries (the top of the partition's queue). */
  readonly adlDepth: number;
}

/**
 * LIQUIDATION_BACKSTOP_ACCOUNT (BACKSTOP), LIQUIDATION_TOWARD_BANKRUPTCY_PPM (100000), LIQUIDATION_FEE_PPM
 * (15000), LIQUIDATION_TARGET_IM_PPM (1100000), LIQUIDATION_FRACTION_PPM (250000), LIQUIDATION_COOLDOWN_MS
 * (30000), LIQUIDATION_ESCALATION (2), LIQUIDATION_MIN_COOLDOWN_MS (5000), INSURANCE_FUND_PER_EVENT_CAP
 * (1000000), INSURANCE_FUND_PER_WINDOW_CAP (5000000), INSURANCE_FUND_WINDOW_MS (one day), SETTLEMENT_ASSET
 * (USDC), DELEVERAGING_TICK_MS (500), DELEVERAGING_REISSUE_MS (5000), SOLVENCY_INTERVAL_MS (5000),
 * CCP_EXCESS_COLLATERAL_USD (0), PARTITION_SUMMARY_INTERVAL_MS (5000), PARTITION_SUMMARY_MAX_AGE_MS
 * (30000), PARTITION_SUMMARY_ADL_DEPTH (100); plus the margin calculator's variables (docs/LIQUIDATION.md, Service).
 */
export function deleveragingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DeleveragingSettings {
  const integer = (name: string, fallback: number, min = 0): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isSafeInteger(value) || value < min)
      throw new Error(`${name} must be an integer >= ${min}: "${env[name]}"`);
    return value;
  };
  const ppm = (name: string, fallback: number) => BigInt(integer(name, fallback));
  const decimal = (name: string, fallback: string): string => {
    const value = env[name] ?? fallback;
    if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`${name} must be a decimal amount: "${value}"`);
    return value;
  };
  return {
    margin: marginSettingsFromEnv(env),
    backstopAccount: env.LIQUIDATION_BACKSTOP_ACCOUNT ?? 'BACKSTOP',
    signingKey: signingKeyFromEnv(env, 'deleveraging-engine'),
    params: {
      pricing: {
        towardBankruptcyPpm: ppm('LIQUIDATION_TOWARD_BANKRUPTCY_PPM', 100_000),
        feePpm: ppm('LIQUIDATION_FEE_PPM', 15_000),
      },
      targetImPpm: ppm('LIQUIDATION_TARGET_IM_PPM', 1_100_000),
      throttle: {
        baseFractionPpm: ppm('LIQUIDATION_FRACTION_PPM', 250_000),
        baseCooldownMs: integer('LIQUIDATION_COOLDOWN_MS', 30_000),
        escalation: BigInt(integer('LIQUIDATION_ESCALATION', 2, 1)),
        minCooldownMs: integer('LIQUIDATION_MIN_COOLDOWN_MS', 5_000),
      },
    },
    fundCaps: {
      perEvent: decimal('INSURANCE_FUND_PER_EVENT_CAP', '1000000'),
      perWindow: decimal('INSURANCE_FUND_PER_WINDOW_CAP', '5000000'),
      windowMs: integer('INSURANCE_FUND_WINDOW_MS', 86_400_000, 1),
    },
    settlementAsset: env.SETTLEMENT_ASSET ?? 'USDC',
    tickMs: integer('DELEVERAGING_TICK_MS', 500, 10),
    reissueMs: integer('DELEVERAGING_REISSUE_MS', 5_000, 100),
    solvencyIntervalMs: integer('SOLVENCY_INTERVAL_MS', 5_000, 100),
    ccpExcessCollateralUsd: integer('CCP_EXCESS_COLLATERAL_USD', 0),
    summaries: {
      intervalMs: integer('PARTITION_SUMMARY_INTERVAL_MS', 5_000, 50),
      maxAgeMs: integer('PARTITION_SUMMARY_MAX_AGE_MS', 30_000, 100),
      adlDepth: integer('PARTITION_SUMMARY_ADL_DEPTH', 100, 1),
    },
  };
}
