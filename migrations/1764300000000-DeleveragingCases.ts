import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deleveraging engine's projection. A case row holds the case's state machine (libs/liquidation's
 * LiquidationCase, bigints as decimal strings) including the pending step, written BEFORE the step's
 * commands leave for the ledger: a restarted engine re-issues that step with the same command ids (the
 * ledger books each id once) instead of planning a new one. Steps keep every command as published in
 * liquidations.v1. Insurance fund balances are folded from the journal and written with the journal
 * offsets in the projection loop's transaction.
 */
export class DeleveragingCases1764300000000 implements MigrationInterface {
  name = 'DeleveragingCases1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE liquidation_cases (
        case_id text PRIMARY KEY,
        account_id text NOT NULL,
        case_number integer NOT NULL CHECK (case_number > 0),
        phase text NOT NULL
          CHECK (phase IN ('opened', 'liquidating', 'healthy', 'insurance', 'adl', 'socialized', 'closed')),
        steps integer NOT NULL CHECK (steps >= 0),
        last_action text CHECK (last_action IN ('liquidation', 'insurance-draw', 'adl', 'socialized-loss')),
        state jsonb NOT NULL,
        outcome text CHECK (outcome IN ('restored', 'insurance-fund', 'adl', 'socialized-loss')),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, case_number),
        CHECK ((phase = 'closed') = (closed_at IS NOT NULL))
      )`);
    await db.query(
      'CREATE UNIQUE INDEX liquidation_cases_one_open ON liquidation_cases (account_id) WHERE closed_at IS NULL',
    );
    await db.query(`
      CREATE TABLE liquidation_steps (
        case_id text NOT NULL REFERENCES liquidation_cases (case_id),
        step integer NOT NULL CHECK (step > 0),
        action text NOT NULL CHECK (action IN ('liquidation', 'insurance-draw', 'adl', 'socialized-loss')),
        commands jsonb NOT NULL,
        issued_at timestamptz NOT NULL,
        booked_at timestamptz,
        PRIMARY KEY (case_id, step)
      )`);
    await db.query(`
      CREATE TABLE insurance_funds (
        fund_account text NOT NULL,
        asset text NOT NULL,
        balance numeric(40, 18) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fund_account, asset)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE insurance_funds');
    await db.query('DROP TABLE liquidation_steps');
    await db.query('DROP TABLE liquidation_cases');
  }
}
