import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offsets consumed per (group, topic, partition), committed in the same transaction as the projection
 * they produced, with the reconciliation counters (in = accepted + rejected); and the per-account
 * journal sequence each consumer group has applied, so an event is applied at most once.
 */
export class ConsumerCheckpoints1764000000000 implements MigrationInterface {
  name = 'ConsumerCheckpoints1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consumer_checkpoint (
        consumer_group text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL CHECK (partition >= 0),
        next_offset bigint NOT NULL CHECK (next_offset >= 0),
        accepted_count bigint NOT NULL DEFAULT 0 CHECK (accepted_count >= 0),
        rejected_count bigint NOT NULL DEFAULT 0 CHECK (rejected_count >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, topic, partition)
      )`);
    await db.query(`
      CREATE TABLE applied_account_sequence (
        consumer_group text NOT NULL,
        account text NOT NULL,
        last_sequence bigint NOT NULL CHECK (last_sequence >= 0),
        PRIMARY KEY (consumer_group, account)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE applied_account_sequence');
    await db.query('DROP TABLE consumer_checkpoint');
  }
}
