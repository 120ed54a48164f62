import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys of the clearing API: only the SHA-256 of each key's secret is stored (the secret is shown
 * once at creation). An `account` key is bound to one account; staff keys to none. No foreign key to
 * `accounts`: a front end's key may be issued while its account's opening is still on its way through
 * the journal. Revoked keys are kept (revoked_at) so an audit can still say who held which key.
 */
export class ApiKeys1764400000000 implements MigrationInterface {
  name = 'ApiKeys1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        key_id text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
        secret_sha256 text NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
        role text NOT NULL CHECK (role IN ('account', 'operator', 'admin', 'auditor')),
        account_id text,
        label text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK ((role = 'account') = (account_id IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE api_keys');
  }
}
