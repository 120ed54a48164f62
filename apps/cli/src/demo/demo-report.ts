import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { NettingCycleSummaryV1, SettlementV1, TOPICS } from '@clearing/contracts';
import { readCommitted } from '@clearing/testing';
import { byLabel, histogramQuantile, nonZero, Sample, total } from './metrics-scrape';

/** What the demo's report shows, as --json prints it (USD amounts exact decimal strings from Postgres). */
export interface DemoReport {
  readonly run: string;
  readonly accounts: number;
  readonly fills: { published: number; cleared: number; rejectedByReason: Record<string, number> };
  readonly oracle: { rejectedByReason: Record<string, number> };
  /** FundingPeriodSettled journal events: one per perpetual, period and journal shard. */
  readonly fundingSettlements: number;
  /** Per asset over the run's netting cycles: 1 - sum |net| / sum gross (decimal string). */
  readonly nettingEfficiency: Record<string, string>;
  readonly margin: {
    portfolioImUsd: string;
    standardImUsd: string;
    savingUsd: string;
    savingPercent: string;
  };
  readonly accountsByBand: Record<string, number>;
  readonly liquidations: {
    casesOpened: number;
    casesClosedByOutcome: Record<string, number>;
    partialLiquidationSteps: number;
  };
  readonly insuranceFund: { beforeUsd: string; afterUsd: string; draws: number };
  readonly adlEvents: number;
  readonly throughput: { fillsPerSecond: number; clearingSeconds: number };
  /** Journal event to the margin of its account published (margin-calculator's histogram), ms. */
  readonly latencyMs: { p50?: number; p90?: number; p99?: number };
  readonly verify: { ok: boolean; text: string };
}

const steps = (samples: readonly Sample[], action: string) =>
  total(samples, 'clearing_deleveraging_steps_total', { action, status: 'booked' });

/** The waterfall and flow figures from the services' own metrics (they started with this run). */
export function figuresFromMetrics(samples: readonly Sample[]) {
  const ms = (q: number) => {
    const seconds = histogramQuantile(samples, 'clearing_margin_journal_to_margin_seconds', q);
    return seconds === undefined ? undefined : Math.round(seconds * 1000);
  };
  return {
    rejectedFills: nonZero(
      byLabel(
        samples.filter((s) => s.labels.topic?.includes('fills')),
        'clearing_messages_dead_lettered_total',
        'reason',
      ),
    ),
    oracleRejected: nonZero(byLabel(samples, 'clearing_oracle_observations_rejected_total', 'reason')),
    fundingSettlements: total(samples, 'clearing_journal_events_total', { type: 'FundingPeriodSettled' }),
    liquidations: {
      casesOpened: total(samples, 'clearing_deleveraging_cases_opened_total'),
      casesClosedByOutcome: nonZero(byLabel(samples, 'clearing_deleveraging_cases_closed_total', 'outcome')),
      partialLiquidationSteps: steps(samples, 'liquidation'),
    },
    insuranceDraws: steps(samples, 'insurance-draw'),
    adlEvents: steps(samples, 'adl'),
    latencyMs: { p50: ms(0.5), p90: ms(0.9), p99: ms(0.99) },
  };
}

/** Portfolio vs standard initial margin over the run's accounts, and their health bands, from account_risk. */
export async function marginFigures(db: DataSource, accounts: readonly string[]) {
  const [sums] = await db.query<{ portfolio: string; saving: string; standard: string; percent: string }[]>(
    `SELECT trim_scale(coalesce(sum(im_usd), 0))::text AS portfolio,
            trim_scale(coalesce(sum(netting_saving_usd), 0))::text AS saving,
            trim_scale(coalesce(sum(im_usd + netting_saving_usd), 0))::text AS standard,
            round(100 * coalesce(sum(netting_saving_usd) / nullif(sum(im_usd + netting_saving_usd), 0), 0), 1)::text AS percent
       FROM account_risk WHERE account_id = ANY($1) AND kind = 'account-margin'`,
    [accounts],
  );
  const bands = await db.query<{ band: string; accounts: number }[]>(
    `SELECT coalesce(band, 'unpriced') AS band, count(*)::int AS accounts FROM account_risk
       WHERE account_id = ANY($1) GROUP BY 1 ORDER BY 1`,
    [accounts],
  );
  return {
    margin: {
      portfolioImUsd: sums.portfolio,
      standardImUsd: sums.standard,
      savingUsd: sums.saving,
      savingPercent: sums.percent,
    },
    accountsByBand: Object.fromEntries(bands.map((b) => [b.band, b.accounts])),
  };
}

/** Fills of this run booked by the ledger (each fill id once, whichever legs). */
export async function clearedFills(db: DataSource, run: string): Promise<number> {
  const [{ cleared }] = await db.query<{ cleared: number }[]>(
    `SELECT count(DISTINCT fill_id)::int AS cleared FROM fill_legs WHERE fill_id LIKE $1`,
    [`demo-${run}-%`],
  );
  return cleared;
}

/** USD sum of decimal strings, exactly, by Postgres (never a JS number for a ledger amount). */
export async function sumUsd(db: DataSource, amounts: readonly string[]): Promise<string> {
  const [{ sum }] = await db.query<{ sum: string }[]>(
    `SELECT trim_scale(coalesce(sum(a::numeric), 0))::text AS sum FROM unnest($1::text[]) AS a`,
    [amounts],
  );
  return sum;
}

/**
 * Netting efficiency over the whole run, per asset: 1 - sum |net| / sum gross of every netting cycle
 * closed since `sinceMs` (settlements.v1 cycle summaries), summed exactly by Postgres. The services'
 * gauge shows only the last cycle, which after the crash nets little.
 */
export async function nettingOverRun(
  db: DataSource,
  kafka: Kafka,
  sinceMs: number,
): Promise<Record<string, string>> {
  const cycles = (await readCommitted(kafka, TOPICS.settlements))
    .map((r) => JSON.parse(r.value!.toString()) as SettlementV1)
    .filter(
      (m): m is NettingCycleSummaryV1 => m.kind === 'cycle-summary' && Date.parse(m.closedAt) >= sinceMs,
    );
  const legs = cycles.flatMap((c) => c.byAsset);
  const rows = await db.query<{ asset: string; efficiency: string }[]>(
    `SELECT asset, round(1 - sum(net::numeric) / nullif(sum(gross::numeric), 0), 4)::text AS efficiency
       FROM unnest($1::text[], $2::text[], $3::text[]) AS l(asset, gross, net)
      GROUP BY asset HAVING sum(gross::numeric) > 0 ORDER BY asset`,
    [legs.map((l) => l.asset), legs.map((l) => l.gross), legs.map((l) => l.net)],
  );
  return Object.fromEntries(rows.map((r) => [r.asset, r.efficiency]));
}
