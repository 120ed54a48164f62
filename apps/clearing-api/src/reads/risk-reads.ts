import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageQuery } from '../http/pagination';
import { InsuranceFundView, LiquidationCaseView, LiquidationStepView, MarginView } from './risk.views';

export interface CaseFilter extends PageQuery {
  accountId?: string;
  open?: boolean;
}

const ts = (column: string) => `to_json(${column}) #>> '{}'`;
const usd = (column: string) => `${column}::text`;

const CASE_COLUMNS = `case_id AS "caseId", account_id AS "accountId", case_number AS "caseNumber", phase,
  steps, outcome, ${ts('opened_at')} AS "openedAt", ${ts('closed_at')} AS "closedAt"`;

/** Reads of the margin calculator's and the deleveraging engine's projections. Parameters only. */
@Injectable()
export class RiskReads {
  constructor(private readonly db: DataSource) {}

  async margin(accountId: string): Promise<MarginView | undefined> {
    const rows = await this.db.query(
      `SELECT account_id AS "accountId", kind, method, band, ${usd('nlv_usd')} AS "nlvUsd",
         ${usd('margin_nlv_usd')} AS "marginNlvUsd", ${usd('initial_nlv_usd')} AS "initialNlvUsd",
         ${usd('im_usd')} AS "imUsd", ${usd('mm_usd')} AS "mmUsd", ${usd('portfolio_im_usd')} AS "portfolioImUsd",
         ${usd('standard_im_usd')} AS "standardImUsd", ${usd('netting_saving_usd')} AS "nettingSavingUsd",
         ${usd('free_collateral_usd')} AS "freeCollateralUsd", (figures #>> '{health,ratio}')::float8 AS "healthRatio",
         figures -> 'greeks' AS greeks, COALESCE(figures -> 'missing', '[]') AS missing,
         journal_sequence::int AS "journalSequence", ${ts('marks_as_of')} AS "marksAsOf",
         ${ts('computed_at')} AS "computedAt"
       FROM account_risk WHERE account_id = $1`,
      [accountId],
    );
    return rows[0];
  }

  /** `visible` undefined means every account (staff). Open cases first, newest first. */
  async cases(filter: CaseFilter, visible: string[] | undefined): Promise<LiquidationCaseView[]> {
    return this.db.query(
      `SELECT ${CASE_COLUMNS} FROM liquidation_cases
       WHERE ($1::text[] IS NULL OR account_id = ANY($1)) AND ($2::text IS NULL OR account_id = $2)
         AND ($3::boolean IS NULL OR (closed_at IS NULL) = $3)
       ORDER BY closed_at IS NULL DESC, opened_at DESC, case_id LIMIT $4 OFFSET $5`,
      [visible ?? null, filter.accountId ?? null, filter.open ?? null, filter.limit, filter.offset],
    );
  }

  async liquidationCase(caseId: string): Promise<LiquidationCaseView | undefined> {
    const rows = await this.db.query(`SELECT ${CASE_COLUMNS} FROM liquidation_cases WHERE case_id = $1`, [
      caseId,
    ]);
    return rows[0];
  }

  async steps(caseId: string): Promise<LiquidationStepView[]> {
    return this.db.query(
      `SELECT step, action, commands, ${ts('issued_at')} AS "issuedAt", ${ts('booked_at')} AS "bookedAt"
       FROM liquidation_steps WHERE case_id = $1 ORDER BY step`,
      [caseId],
    );
  }

  async insuranceFunds(): Promise<InsuranceFundView[]> {
    return this.db.query(
      `SELECT fund_account AS "fundAccount", asset, trim_scale(balance)::text AS balance,
         ${ts('updated_at')} AS "updatedAt" FROM insurance_funds ORDER BY fund_account, asset`,
    );
  }
}
