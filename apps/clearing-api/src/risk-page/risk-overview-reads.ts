import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthBandV1 } from '@clearing/contracts';
import { PageQuery } from '../http/pagination';
import { HealthBandHistogram, NearLiquidationView } from './risk-overview.views';

/** Safest first, as a histogram reads left to right. */
export const HEALTH_BANDS = [
  'healthy',
  'watch',
  'warning',
  'liquidatable',
  'bankrupt',
] as const satisfies readonly HealthBandV1[];

/** System-wide aggregates of the margin calculator's account_risk projection, for the risk page. */
@Injectable()
export class RiskOverviewReads {
  constructor(private readonly db: DataSource) {}

  async healthBands(): Promise<HealthBandHistogram> {
    const rows: { band: string | null; accounts: number }[] = await this.db.query(
      `SELECT band, count(*)::int AS accounts FROM account_risk GROUP BY band`,
    );
    const countOf = (band: string | null) => rows.find((r) => r.band === band)?.accounts ?? 0;
    return {
      items: HEALTH_BANDS.map((band) => ({ band, accounts: countOf(band) })),
      unpriced: countOf(null),
      total: rows.reduce((sum, r) => sum + r.accounts, 0),
    };
  }

  /**
   * Lowest health ratio first, computed in NUMERIC (exact) rather than from the float kept for display.
   * Accounts without maintenance margin (nothing at risk) have no ratio and are never near liquidation.
   */
  async nearestLiquidation(page: PageQuery): Promise<NearLiquidationView[]> {
    return this.db.query(
      `SELECT account_id AS "accountId", band, round(margin_nlv_usd / mm_usd, 4)::text AS "healthRatio",
         margin_nlv_usd::text AS "marginNlvUsd", mm_usd::text AS "mmUsd",
         (margin_nlv_usd - mm_usd)::text AS "cushionUsd"
       FROM account_risk WHERE kind = 'account-margin' AND mm_usd > 0
       ORDER BY margin_nlv_usd / mm_usd, account_id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
  }
}
