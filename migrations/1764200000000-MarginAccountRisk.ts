import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The margin calculator's projection: the figures last published to margin.v1 per account (USD NUMERIC in
 * cents, the whole message in `figures`), ordered by (journal_sequence, marks_as_of) so a late write of an
 * older computation never overwrites a newer one. Written with the journal offsets in one transaction.
 */
export class MarginAccountRisk1764200000000 implements MigrationInterface {
  name = 'MarginAccountRisk1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_risk (
        account_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('account-margin', 'account-unpriced')),
        method text CHECK (method IN ('portfolio', 'standard')),
        band text CHECK (band IN ('healthy', 'watch', 'warning', 'liquidatable', 'bankrupt')),
        health_ratio double precision,
        nlv_usd numeric(30, 2),
        margin_nlv_usd numeric(30, 2),
        initial_nlv_usd numeric(30, 2),
        im_usd numeric(30, 2),
        mm_usd numeric(30, 2),
        portfolio_im_usd numeric(30, 2),
        standard_im_usd numeric(30, 2),
        netting_saving_usd numeric(30, 2),
        free_collateral_usd numeric(30, 2),
        journal_sequence bigint NOT NULL CHECK (journal_sequence >= 0),
        marks_as_of timestamptz NOT NULL,
        computed_at timestamptz NOT NULL,
        cause text NOT NULL CHECK (cause IN ('journal', 'mark')),
        figures jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX account_risk_band ON account_risk (band) WHERE band IN ('liquidatable', 'bankrupt')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE account_risk');
  }
}
