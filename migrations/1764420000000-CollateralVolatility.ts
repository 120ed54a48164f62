import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each collateral asset's EWMA volatility state, written by the margin calculator (and the deleveraging
 * engine, which margins identically) when an index observation changes it: marks.v1 is compacted to the
 * latest index per asset, so a restart restores this and folds only later periods (docs/MARGIN.md).
 */
export class CollateralVolatility1764420000000 implements MigrationInterface {
  name = 'CollateralVolatility1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE collateral_volatility (
        asset text PRIMARY KEY,
        lambda float8 NOT NULL CHECK (lambda > 0 AND lambda < 1),
        period_ms bigint NOT NULL CHECK (period_ms > 0),
        period bigint NOT NULL,
        variance float8 NOT NULL CHECK (variance >= 0),
        last_price float8 NOT NULL CHECK (last_price > 0),
        observations integer NOT NULL CHECK (observations >= 1),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE collateral_volatility');
  }
}
