import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journaled RiskParamsChange commands, projected by the position aggregator (with its offsets) so every
 * margin calculator instance applies every change, whichever journal partition carried it. Ordered by
 * event time, then event id: the same order on every instance and every replay.
 */
export class RiskParamChanges1764210000000 implements MigrationInterface {
  name = 'RiskParamChanges1764210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE risk_param_changes (
        event_id text PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        scope text NOT NULL CHECK (scope IN ('global', 'underlying', 'instrument', 'asset')),
        target text,
        params jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE risk_param_changes');
  }
}
