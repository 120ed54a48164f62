import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding as journaled commands (issue 13): `accounts` becomes a projection of AccountOpened,
 * AccountSuspended and AccountClosed, and `command_outcomes` says, per command id, what the ledger decided
 * (booked with its journal sequence, or refused with the reason), written by the aggregator's projection
 * in the transaction that commits the journal offsets. The parent foreign key goes: a sub-account and its
 * parent usually sit on different journal partitions, projected in any order, and a projection row must
 * never be refused for an order the journal does not promise.
 */
export class AccountLifecycle1764410000000 implements MigrationInterface {
  name = 'AccountLifecycle1764410000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_parent_account_id_fkey');
    await db.query('ALTER TABLE accounts ADD COLUMN status_reason text');
    await db.query(`
      CREATE TABLE command_outcomes (
        command_id text PRIMARY KEY,
        account_id text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('booked', 'refused')),
        event_type text NOT NULL,
        journal_sequence bigint NOT NULL,
        journal_partition integer NOT NULL,
        journal_offset bigint NOT NULL,
        command_hash text,
        reason text,
        attribution jsonb,
        occurred_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE command_outcomes');
    await db.query('ALTER TABLE accounts DROP COLUMN status_reason');
    await db.query(
      'ALTER TABLE accounts ADD CONSTRAINT accounts_parent_account_id_fkey FOREIGN KEY (parent_account_id) REFERENCES accounts (account_id)',
    );
  }
}
