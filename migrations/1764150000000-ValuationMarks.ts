import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest mark per marks.v1 key (instrument, `index:<underlying>`, `redemption:<token>`), projected by
 * the valuation oracle, with the Kafka position it came from. `price` is the key's headline number: mark
 * per contract, index, redemption rate or settlement price; the whole message is in `mark`.
 */
export class ValuationMarks1764150000000 implements MigrationInterface {
  name = 'ValuationMarks1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mark_latest (
        mark_key text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('index', 'redemption-rate', 'instrument', 'expiry-settlement')),
        subject text NOT NULL,
        status text NOT NULL CHECK (status IN ('valid', 'invalid')),
        reason text,
        as_of timestamptz NOT NULL,
        price numeric,
        mark jsonb NOT NULL,
        source_partition integer NOT NULL CHECK (source_partition >= 0),
        source_offset bigint NOT NULL CHECK (source_offset >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE mark_latest');
  }
}
