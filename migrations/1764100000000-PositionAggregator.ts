import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The position aggregator's tables. Reference data (accounts, instruments) the fill intake validates
 * against; fill claims (idempotency across partitions); and the journal projection: balances, positions,
 * the journal index and fill legs, all written with their offsets in one transaction.
 * Amounts are NUMERIC decimals at each asset's scale: never floats.
 */
export class PositionAggregator1764100000000 implements MigrationInterface {
  name = 'PositionAggregator1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE accounts (
        account_id text PRIMARY KEY,
        parent_account_id text REFERENCES accounts (account_id),
        -- isolated sub-accounts are margined on their own collateral and positions
        margin_mode text NOT NULL DEFAULT 'cross' CHECK (margin_mode IN ('cross', 'isolated')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE instruments (
        symbol text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('spot', 'perpetual', 'future', 'option')),
        definition jsonb NOT NULL,
        source text NOT NULL CHECK (source IN ('config', 'journal')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE fill_claims (
        fill_id text PRIMARY KEY,
        fill_hash text NOT NULL,
        source_topic text NOT NULL,
        source_partition integer NOT NULL,
        source_offset bigint NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE balances (
        account_id text NOT NULL,
        asset text NOT NULL,
        amount numeric(60, 18) NOT NULL,
        last_sequence bigint NOT NULL,
        PRIMARY KEY (account_id, asset)
      )`);
    await db.query(`
      CREATE TABLE positions (
        account_id text NOT NULL,
        instrument text NOT NULL,
        quantity numeric(60, 18) NOT NULL,
        cost numeric(80, 30) NOT NULL,
        average_entry_price numeric(60, 18),
        realized_pnl numeric(60, 18) NOT NULL,
        settlement_asset text NOT NULL,
        last_sequence bigint NOT NULL,
        PRIMARY KEY (account_id, instrument)
      )`);
    await db.query(`
      CREATE TABLE journal_index (
        event_id text PRIMARY KEY,
        account_id text NOT NULL,
        sequence bigint NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        journal_partition integer NOT NULL,
        journal_offset bigint NOT NULL,
        causation_id text,
        UNIQUE (account_id, sequence)
      )`);
    await db.query(`
      CREATE TABLE fill_legs (
        fill_id text NOT NULL,
        side text NOT NULL CHECK (side IN ('buy', 'sell')),
        account_id text NOT NULL,
        instrument text NOT NULL,
        quantity numeric(60, 18) NOT NULL,
        price numeric(60, 18) NOT NULL,
        event_id text NOT NULL REFERENCES journal_index (event_id),
        PRIMARY KEY (fill_id, side)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'fill_legs',
      'journal_index',
      'positions',
      'balances',
      'fill_claims',
      'instruments',
      'accounts',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
