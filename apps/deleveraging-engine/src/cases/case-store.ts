import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseOutcomeV1, StepActionV1, TransferCommandV1, CashCommandV1 } from '@clearing/contracts';
import { deterministicId } from '@clearing/ledger';
import { LiquidationCase, openCase } from '@clearing/liquidation';
import { caseFromJson, caseToJson } from './case-json';

/** An open case as the engine keeps it: the pure state plus what the service needs to drive it. */
export interface StoredCase {
  readonly state: LiquidationCase;
  readonly caseNumber: number;
  readonly openedAt: string;
  /** What the last step did: tells "cover the deficit" from "covered, close" in the same phase. */
  readonly lastAction?: StepActionV1;
}

export interface IssuedStep {
  readonly step: number;
  readonly action: StepActionV1;
  readonly commands: readonly (TransferCommandV1 | CashCommandV1)[];
  readonly at: string;
}

/** One change of a case, written in one transaction (before any command of a new step leaves). */
export interface CaseChange {
  readonly next: StoredCase;
  readonly issued?: IssuedStep;
  readonly booked?: { step: number; at: string };
  readonly closed?: { outcome: CaseOutcomeV1; at: string };
}

/** liquidation_cases and liquidation_steps (migrations/1764300000000-DeleveragingCases.ts). */
@Injectable()
export class CaseStore {
  constructor(private readonly dataSource: DataSource) {}

  async loadOpen(): Promise<StoredCase[]> {
    const rows = await this.dataSource.query<CaseRow[]>(
      `SELECT case_number, last_action, state, opened_at FROM liquidation_cases WHERE closed_at IS NULL`,
    );
    return rows.map(storedOf);
  }

  /** Every insurance draw issued so far with its case account (for the fund's rolling-window cap). */
  async loadDraws(): Promise<{ account: string; at: string; commands: CashCommandV1[] }[]> {
    const rows = await this.dataSource.query<
      { account_id: string; issued_at: Date; commands: CashCommandV1[] }[]
    >(
      `SELECT c.account_id, s.issued_at, s.commands FROM liquidation_steps s
       JOIN liquidation_cases c USING (case_id) WHERE s.action = 'insurance-draw' ORDER BY s.issued_at`,
    );
    return rows.map((r) => ({ account: r.account_id, at: r.issued_at.toISOString(), commands: r.commands }));
  }

  /** Opens the account's next case: its id derives from (account, case number), so it is never reused. */
  open(account: string, openedAt: string): Promise<StoredCase> {
    return this.dataSource.transaction(async (db) => {
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT coalesce(max(case_number), 0)::int + 1 AS n FROM liquidation_cases WHERE account_id = $1',
        [account],
      );
      const stored = {
        state: openCase(deterministicId('liquidation-case', account, String(n)), account),
        caseNumber: n,
        openedAt,
      };
      await db.query(
        `INSERT INTO liquidation_cases (case_id, account_id, case_number, phase, steps, state, opened_at)
         VALUES ($1, $2, $3, $4, 0, $5, $6)`,
        [stored.state.caseId, account, n, stored.state.phase, caseToJson(stored.state), openedAt],
      );
      return stored;
    });
  }

  save(change: CaseChange): Promise<void> {
    return this.dataSource.transaction((db) => this.write(db, change));
  }

  private async write(db: EntityManager, { next, issued, booked, closed }: CaseChange): Promise<void> {
    const { state } = next;
    await db.query(
      `UPDATE liquidation_cases SET phase = $2, steps = $3, last_action = $4, state = $5, outcome = $6,
         closed_at = $7, updated_at = now() WHERE case_id = $1`,
      [
        state.caseId,
        state.phase,
        state.steps,
        next.lastAction ?? null,
        caseToJson(state),
        closed?.outcome ?? null,
        closed?.at ?? null,
      ],
    );
    if (issued)
      await db.query(
        `INSERT INTO liquidation_steps (case_id, step, action, commands, issued_at) VALUES ($1, $2, $3, $4, $5)`,
        [state.caseId, issued.step, issued.action, JSON.stringify(issued.commands), issued.at],
      );
    if (booked)
      await db.query(`UPDATE liquidation_steps SET booked_at = $3 WHERE case_id = $1 AND step = $2`, [
        state.caseId,
        booked.step,
        booked.at,
      ]);
  }
}

interface CaseRow {
  case_number: number;
  last_action: StepActionV1 | null;
  state: unknown;
  opened_at: Date;
}

function storedOf(row: CaseRow): StoredCase {
  return {
    state: caseFromJson(row.state),
    caseNumber: row.case_number,
    openedAt: row.opened_at.toISOString(),
    ...(row.last_action !== null ? { lastAction: row.last_action } : {}),
  };
}
